/**
 * /track — a reporter follows a case by number and tracking code, in plain words, and rates it once it
 * is closed. The code travels in a POST body; a link may carry it in the fragment (#number=…&code=…),
 * which no server sees, and the page removes it from the address bar at once.
 */
import { Alert, Button, Card, Form, Input, Radio, Space, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { RATING_LEVELS, type RatingLevel } from '../../domain/case/index.ts';
import type { CitizenCaseView } from '../../domain/tracking/index.ts';
import type { Wire } from '../../shared/wire.ts';
import { apiPost } from '../api/client.ts';
import { isEnglish } from '../i18n/setup.ts';
import { formatTime } from '../modules/case/index.ts';
import { useErrorText } from '../ui/errors.ts';
import { SubscribeForm } from '../modules/integrations/index.ts';

interface TrackValues {
  number: string;
  trackingCode: string;
}

/** POST /api/v1/track's answer. */
type CitizenCase = Wire<CitizenCaseView>;

/** Reads number and code from the fragment (or the older ?number=&code= link), then clears both. */
function takeLinkedValues(): TrackValues {
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const query = new URLSearchParams(window.location.search);
  const values = {
    number: fragment.get('number') ?? query.get('number') ?? '',
    trackingCode: fragment.get('code') ?? query.get('code') ?? '',
  };
  if (values.trackingCode) window.history.replaceState(null, '', window.location.pathname);
  return values;
}

function RatingForm({ item, trackingCode, onRated }: { item: CitizenCase; trackingCode: string; onRated(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const rate = async (values: { level: RatingLevel; comment?: string }) => {
    setBusy(true);
    setError(null);
    try {
      await apiPost(`/api/v1/cases/${item.id}/actions/rate`, { version: item.version, level: values.level, comment: values.comment?.trim() || undefined, trackingCode });
      onRated();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" onFinish={(values) => void rate(values)} size="large">
      <Form.Item name="level" label={t('citizen.rateTitle')} rules={[{ required: true, message: t('common.required') }]}>
        <Radio.Group options={RATING_LEVELS.map((level) => ({ value: level, label: t(`rating.${level}`) }))} />
      </Form.Item>
      <Form.Item name="comment" label={t('track.comment')}>
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
      {error ? <Alert type="error" showIcon title={errorText(error)} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Button type="primary" htmlType="submit" block disabled={busy}>{t('track.submitRating')}</Button>
    </Form>
  );
}

function CitizenCaseCard({ item, trackingCode, onChanged }: { item: CitizenCase; trackingCode: string; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const current = item.steps.length - 1;
  return (
    <Card title={<>{item.number} · {english ? item.categoryNameEn : item.categoryName}</>}>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>{t(`track.stage.${item.stage}`)}</Typography.Title>
        {item.promisedBy && <Typography.Text>{t('track.promisedBy', { time: formatTime(item.promisedBy, english) })}</Typography.Text>}
        {item.mergedInto && (
          <Alert type="info" showIcon title={t('track.mergedInto', { number: item.mergedInto.number })}
            action={<Link to={`/track#number=${encodeURIComponent(item.mergedInto.number)}&code=${encodeURIComponent(trackingCode)}`}>{t('track.followKept')}</Link>} />
        )}
        {item.rectification && (
          <Alert type={item.rectification.done ? 'success' : 'warning'} showIcon
            title={item.rectification.done
              ? t('track.rectificationDone', { number: item.rectification.number })
              : t('track.rectificationPromised', { number: item.rectification.number, time: formatTime(item.rectification.deadline, english) })} />
        )}
        {item.description && <Typography.Paragraph style={{ margin: 0 }}>{item.description}</Typography.Paragraph>}
        {(item.address || item.streetName) && <Typography.Text type="secondary">{[item.streetName, item.address].filter(Boolean).join(' · ')}</Typography.Text>}
        <Steps orientation="vertical" size="small" current={current}
          items={item.steps.map((step) => ({ title: t(`track.step.${step.step}`), content: formatTime(step.at, english) }))} />
        {item.rating && <Typography.Text>{t('citizen.rated', { level: t(`rating.${item.rating.level}`) })}</Typography.Text>}
        {item.canRate && <RatingForm item={item} trackingCode={trackingCode} onRated={onChanged} />}
        <SubscribeForm caseNumber={item.number} />
      </Space>
    </Card>
  );
}

export function CitizenTrackPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<TrackValues>();
  const [item, setItem] = useState<CitizenCase | null>(null);
  const [code, setCode] = useState<string>('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const track = async (values: TrackValues) => {
    setError(null);
    setBusy(true);
    try {
      const number = values.number.trim().toUpperCase();
      const trackingCode = values.trackingCode.trim().toUpperCase();
      setItem(await apiPost<CitizenCase>('/api/v1/track', { number, trackingCode }));
      setCode(trackingCode);
    } catch (failure) {
      setItem(null);
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const linked = takeLinkedValues();
    form.setFieldsValue(linked);
    if (linked.number && linked.trackingCode) void track(linked);
    // a link followed inside the page (the kept case of a merge) changes only the fragment
    const onHash = () => {
      const next = takeLinkedValues();
      if (!next.number || !next.trackingCode) return;
      form.setFieldsValue(next);
      void track(next);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card title={<Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>{t('citizen.trackTitle')}</Typography.Title>}>
        <Form form={form} layout="vertical" onFinish={(values) => void track(values)} size="large">
          <Form.Item name="number" label={t('field.number')} rules={[{ required: true, message: t('common.required') }, { pattern: /^[A-Za-z]{2}-\d{4}-\d{6}$/, message: t('common.invalid') }]}>
            <Input placeholder="LY-2026-000001" autoComplete="off" />
          </Form.Item>
          <Form.Item name="trackingCode" label={t('field.trackingCode')} rules={[{ required: true, message: t('common.required') }]}>
            <Input maxLength={32} autoComplete="off" />
          </Form.Item>
          {error ? <Alert type="error" showIcon title={errorText(error)} role="alert" style={{ marginBottom: 16 }} /> : null}
          <Button type="primary" htmlType="submit" block disabled={busy} aria-busy={busy}>{t('common.search')}</Button>
        </Form>
      </Card>
      {item && <CitizenCaseCard item={item} trackingCode={code} onChanged={() => void track({ number: item.number, trackingCode: code })} />}
      <Card><SubscribeForm /></Card>
    </Space>
  );
}
