/** On the case page: what an Open311 client sent besides the text — answers, photos and links, notes, its updates. */
import { Descriptions, List, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../../api/client.ts';

export interface Open311SubmissionView {
  client: string;
  attributes: Record<string, string | string[]>;
  mediaUrls: string[];
  mediaFetches: { url: string; outcome: 'stored' | 'failed'; reason?: string }[];
  notes: string[];
  coordSystem: string;
  reporter: Record<string, string | null> | null;
  updates: { id: number; external_update_id: string; status: string; description: string; media_urls: string[]; updated_at: string }[];
}

export function Open311Submission({ caseId }: { caseId: number | string }) {
  const { t } = useTranslation();
  const [submission, setSubmission] = useState<Open311SubmissionView | null>(null);
  useEffect(() => {
    let live = true;
    apiGet<{ submission: Open311SubmissionView | null }>(`/api/v1/cases/${encodeURIComponent(String(caseId))}/open311`)
      .then((res) => { if (live) setSubmission(res.submission); })
      .catch(() => { if (live) setSubmission(null); });
    return () => { live = false; };
  }, [caseId]);
  if (!submission) return null;
  const reporter = submission.reporter;
  return (
    <div data-testid="open311-submission">
      <Typography.Title level={5}>{t('open311.title', { client: submission.client })}</Typography.Title>
      <Descriptions bordered size="small" column={1}>
        {Object.entries(submission.attributes).map(([code, value]) => (
          <Descriptions.Item key={code} label={code}>{Array.isArray(value) ? value.join('、') : value}</Descriptions.Item>
        ))}
        {reporter && Object.entries(reporter).filter(([, v]) => v).map(([k, v]) => (
          <Descriptions.Item key={k} label={t(`open311.contact.${k}`, { defaultValue: k })}>{v}</Descriptions.Item>
        ))}
        {submission.mediaFetches.map((m) => (
          <Descriptions.Item key={m.url} label={t('open311.media')}>
            {m.outcome === 'stored' ? <Tag color="green">{t('open311.stored')}</Tag> : <Tag color="orange">{t('open311.kept', { reason: m.reason ?? '' })}</Tag>}
            {m.url.startsWith('http') ? <a href={m.url} target="_blank" rel="noopener noreferrer nofollow">{m.url}</a> : m.url}
          </Descriptions.Item>
        ))}
        {submission.notes.map((note) => <Descriptions.Item key={note} label={t('open311.note')}>{note}</Descriptions.Item>)}
      </Descriptions>
      {submission.updates.length > 0 && (
        <List size="small" header={t('open311.updates')} dataSource={submission.updates}
          renderItem={(u) => <List.Item>{`${u.status} · ${u.description}`}{u.media_urls.map((url) => <a key={url} href={url} target="_blank" rel="noopener noreferrer nofollow"> {t('open311.media')}</a>)}</List.Item>} />
      )}
    </div>
  );
}
