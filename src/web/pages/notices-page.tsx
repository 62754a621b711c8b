/** /notices — 督办回复 for handlers: the 督办 notices addressed to the own unit, answered here. */
import { Alert, Card, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoticeStatus, NoticeView } from '../api/supervision-types.ts';
import { CaseDrawer } from '../modules/case/index.ts';
import { NoticeTable } from '../modules/supervision/index.ts';
import { RespondModal } from '../modules/supervision/index.ts';
import { useNotices } from '../modules/supervision/index.ts';
import { useErrorText } from '../ui/errors.ts';

export function NoticesPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [status, setStatus] = useState<NoticeStatus | 'all'>('all');
  const notices = useNotices(status === 'all' ? undefined : status);
  const [answering, setAnswering] = useState<NoticeView | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <div>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>{t('supervision.handlerTitle')}</Typography.Title>
        <Typography.Text type="secondary">{t('supervision.handlerIntro')}</Typography.Text>
      </div>
      {notices.error ? <Alert type="error" showIcon title={errorText(notices.error)} /> : null}
      <Card
        extra={
          <Segmented
            value={status}
            onChange={(value) => setStatus(value as NoticeStatus | 'all')}
            options={(['all', 'open', 'answered', 'escalated'] as const).map((key) => ({ value: key, label: key === 'all' ? t('common.all') : t(`supervision.status.${key}`) }))}
          />
        }
      >
        <NoticeTable items={notices.items} loading={notices.loading} onOpenCase={setOpenId} onRespond={setAnswering} />
      </Card>
      <RespondModal
        notice={answering}
        onClose={() => setAnswering(null)}
        onAnswered={() => {
          setAnswering(null);
          notices.reload();
        }}
      />
      <CaseDrawer caseId={openId} onClose={() => setOpenId(null)} onChanged={() => notices.reload()} />
    </Space>
  );
}
