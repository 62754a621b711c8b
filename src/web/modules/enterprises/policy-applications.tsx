/** 申报 → 受理 → 审核 → 兑现: the enterprise's policy applications, each with its stage and the 快申快享 deadline it waits on. */
import { List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isEnglish } from '../../i18n/setup.ts';
import { formatTime } from '../case/index.ts';
import type { PolicyApplicationView } from './enterprise-types.ts';

const STATUS_COLORS = { submitted: 'gold', accepted: 'blue', approved: 'cyan', rejected: 'default', paid: 'green' } as const;

export function PolicyApplicationList({ applications }: { applications: PolicyApplicationView[] }) {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  return (
    <List
      header={t('enterprise.application.title')}
      dataSource={applications}
      locale={{ emptyText: t('enterprise.application.none') }}
      renderItem={(item) => (
        <List.Item data-testid={`application-${item.caseId}`}>
          <Space wrap>
            <span>{item.number}</span>
            <Typography.Text strong>{english ? item.policyTitleEn : item.policyTitle}</Typography.Text>
            <span>{t('enterprise.grant.amount', { amount: item.amount.toFixed(2) })}</span>
            <Tag color={STATUS_COLORS[item.status]} data-status={item.status}>{t(`enterprise.application.status.${item.status}`)}</Tag>
            {item.deadline ? <Typography.Text type="secondary">{t('enterprise.application.deadline', { at: formatTime(item.deadline, english) })}</Typography.Text> : null}
            {item.paymentReference ? <Typography.Text type="secondary">{item.paymentReference}</Typography.Text> : null}
          </Space>
        </List.Item>
      )}
    />
  );
}
