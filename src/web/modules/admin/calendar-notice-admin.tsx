/** Admin: paste a State Council holiday notice, preview its day-by-day differences, import it. */
import { Alert, App, Button, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiPost } from '../../api/client.ts';
import { useErrorText } from '../../ui/errors.ts';

interface DayChange {
  date: string;
  before: { isWorkingDay: boolean; name: string | null; source: string };
  after: { isWorkingDay: boolean; name: string | null };
}
interface NoticePreview { year: number; yearOfficial: boolean; changes: DayChange[] }

export function CalendarNoticeAdmin({ onApplied }: { onApplied: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<NoticePreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const status = (working: boolean) => <Tag color={working ? 'blue' : 'green'}>{working ? t('admin.working') : t('admin.off')}</Tag>;

  const run = async (path: 'preview' | 'apply') => {
    setError(null);
    try {
      const result = await apiPost<NoticePreview>(`/api/v1/admin/calendar/notice/${path}`, { text, confirm: path === 'apply' && preview?.yearOfficial === true });
      if (path === 'preview') setPreview(result);
      else {
        void message.success(t('calendarYear.applied', { year: result.year }));
        setPreview(null);
        onApplied();
      }
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={5}>{t('calendarYear.notice')}</Typography.Title>
      <Typography.Text type="secondary">{t('calendarYear.noticeHint')}</Typography.Text>
      <Input.TextArea rows={6} value={text} onChange={(event) => { setText(event.target.value); setPreview(null); }} aria-label={t('calendarYear.notice')} />
      <Space>
        <Button onClick={() => void run('preview')} disabled={!text.trim()}>{t('calendarYear.preview')}</Button>
        <Button type="primary" danger={preview?.yearOfficial} onClick={() => void run('apply')} disabled={!preview}>
          {preview?.yearOfficial ? t('calendarYear.confirmApply') : t('calendarYear.apply')}
        </Button>
      </Space>
      {error ? <Alert type="error" showIcon role="alert" title={errorText(error)} /> : null}
      {preview?.yearOfficial ? <Alert type="warning" showIcon title={t('calendarYear.officialYear', { year: preview.year })} /> : null}
      {preview && (
        <Table<DayChange>
          rowKey="date" size="small" pagination={{ pageSize: 20 }} dataSource={preview.changes}
          title={() => t('calendarYear.changes', { year: preview.year, count: preview.changes.length })}
          columns={[
            { title: t('admin.date'), dataIndex: 'date' },
            { title: t('calendarYear.before'), render: (_, change) => <>{status(change.before.isWorkingDay)} {change.before.name ?? ''}</> },
            { title: t('calendarYear.after'), render: (_, change) => <>{status(change.after.isWorkingDay)} {change.after.name ?? ''}</> },
          ]}
        />
      )}
    </Space>
  );
}
