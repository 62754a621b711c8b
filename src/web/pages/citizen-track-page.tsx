/** /track — follow a case by number + tracking code, and rate it once it is closed. */
import { Alert, Button, Card, Form, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api/client.ts';
import type { CaseDetailView } from '../api/types.ts';
import { CaseDetail } from '../modules/case/index.ts';
import { useErrorText } from '../ui/errors.ts';

interface TrackValues {
  number: string;
  trackingCode: string;
}

export function CitizenTrackPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const [form] = Form.useForm<TrackValues>();
  const [item, setItem] = useState<CaseDetailView | null>(null);
  const [code, setCode] = useState<string>('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const track = async (values: TrackValues) => {
    setError(null);
    setBusy(true);
    try {
      const number = values.number.trim().toUpperCase();
      const trackingCode = values.trackingCode.trim().toUpperCase();
      const detail = await apiGet<CaseDetailView>(`/api/v1/cases/${encodeURIComponent(number)}`, { trackingCode });
      setCode(trackingCode);
      setItem(detail);
    } catch (failure) {
      setItem(null);
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const initial = { number: params.get('number') ?? '', trackingCode: params.get('code') ?? '' };
  useEffect(() => {
    if (initial.number && initial.trackingCode) void track(initial);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t('citizen.trackTitle')}>
        <Form form={form} layout="vertical" initialValues={initial} onFinish={(values) => void track(values)} size="large">
          <Form.Item name="number" label={t('field.number')} rules={[{ required: true, message: t('common.required') }, { pattern: /^[A-Za-z]{2}-\d{4}-\d{6}$/, message: t('common.invalid') }]}>
            <Input placeholder="LY-2026-000001" />
          </Form.Item>
          <Form.Item name="trackingCode" label={t('field.trackingCode')} rules={[{ required: true, message: t('common.required') }]}>
            <Input maxLength={32} />
          </Form.Item>
          {error ? <Alert type="error" showIcon title={errorText(error)} role="alert" style={{ marginBottom: 16 }} /> : null}
          <Button type="primary" htmlType="submit" block disabled={busy} aria-busy={busy}>{t('common.search')}</Button>
        </Form>
      </Card>
      {item && (
        <Card title={t('common.detail')}>
          <CaseDetail item={item} trackingCode={code} only={['rate']} compact onChanged={setItem} />
        </Card>
      )}
    </Space>
  );
}
