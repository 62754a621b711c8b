/** Both clocks of an application as tags: the promised one warns, the legal one alarms. */
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationStaffView } from './application-types.ts';

function Countdown({ label, days, paused, alarm }: { label: string; days: number; paused: string | null; alarm: string }) {
  const { t } = useTranslation();
  const text = paused
    ? t('applications.paused', { kind: t(`applications.pauseKinds.${paused}`) })
    : days < 0 ? t('applications.overdue', { days: -days }) : days === 0 ? t('applications.dueToday') : t('applications.daysLeft', { days });
  const color = paused ? 'default' : days < 0 ? alarm : days <= 1 ? 'orange' : 'green';
  return <Tag color={color}>{label}：{text}</Tag>;
}

export function ApplicationCountdowns({ application }: { application: ApplicationStaffView }) {
  const { t } = useTranslation();
  const finished = ['concluded', 'delivered', 'refused', 'withdrawn_before_acceptance', 'withdrawn', 'revoked'].includes(application.status);
  if (finished) return <Tag>{t(`applications.statuses.${application.status}`)}</Tag>;
  return (
    <Space size={4} wrap>
      <Countdown label={t('applications.promised')} days={application.clock.promisedRemainingDays} paused={application.paused} alarm="orange" />
      <Countdown label={t('applications.legal')} days={application.clock.legalRemainingDays} paused={application.paused} alarm="red" />
    </Space>
  );
}
