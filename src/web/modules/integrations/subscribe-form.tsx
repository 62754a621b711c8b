/**
 * A citizen subscribes by e-mail (docs/integrations.md, Subscriptions): to one case's public updates, or, as
 * FixMyStreet's local alerts, to new public steps of street problems in a street or of a category. Every
 * message carries a signed unsubscribe link; no login is needed.
 */
import { Alert, Button, Form, Input, Segmented, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiPost } from '../../api/client.ts';
import { isEnglish } from '../../i18n/setup.ts';
import { useErrorText } from '../../ui/errors.ts';
import { CategorySelect, loadCategories, loadOrgTree, useLoaded } from '../reference/index.ts';

type AreaKind = 'street' | 'category';
/** The kinds area and category alerts cover (street problems; 12345-style requests stay private). */
const ALERT_KINDS = ['event', 'component'] as const;

/** `caseNumber` set: that case's updates; otherwise an area or category alert. */
export function SubscribeForm({ caseNumber }: { caseNumber?: string }) {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const errorText = useErrorText();
  const [form] = Form.useForm<{ address: string; street?: string; category?: string }>();
  const [kind, setKind] = useState<AreaKind>('street');
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const tree = useLoaded(caseNumber ? null : loadOrgTree);
  const categories = useLoaded(caseNumber ? null : loadCategories);
  const streets = (tree?.districts ?? []).flatMap((district) => district.streets.map((street) => ({
    value: street.code,
    label: `${english ? district.nameEn : district.name} · ${english ? (street.nameEn ?? street.name) : street.name}`,
  })));

  const submit = async (values: { address: string; street?: string; category?: string }) => {
    setError(null);
    setBusy(true);
    try {
      const target = caseNumber ? { case: caseNumber } : kind === 'street' ? { street: values.street } : { category: values.category };
      await apiPost('/api/v1/subscriptions', { channel: 'email', address: values.address?.trim() ?? '', target });
      setDone(true);
      form.resetFields();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const idPrefix = caseNumber ? 'subscribe-case' : 'subscribe-area';
  return (
    <section aria-labelledby={`${idPrefix}-title`}>
      <Typography.Title level={caseNumber ? 3 : 2} id={`${idPrefix}-title`} style={{ fontSize: 16 }}>
        {t(caseNumber ? 'subscribe.caseTitle' : 'subscribe.areaTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t(caseNumber ? 'subscribe.caseIntro' : 'subscribe.areaIntro')}</Typography.Paragraph>
      <Form form={form} name={idPrefix} layout="vertical" onFinish={(values) => void submit(values)} onValuesChange={() => setDone(false)}>
        {!caseNumber && (
          <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
            <Segmented<AreaKind> aria-label={t('subscribe.kind')} value={kind} onChange={setKind}
              options={[{ value: 'street', label: t('subscribe.byStreet') }, { value: 'category', label: t('subscribe.byCategory') }]} />
          </Space>
        )}
        {!caseNumber && kind === 'street' && (
          <Form.Item name="street" label={t('subscribe.street')} rules={[{ required: true, message: t('common.required') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={streets} loading={!tree} />
          </Form.Item>
        )}
        {!caseNumber && kind === 'category' && (
          <Form.Item name="category" label={t('subscribe.category')} rules={[{ required: true, message: t('common.required') }]}>
            <CategorySelect categories={categories} kinds={ALERT_KINDS} />
          </Form.Item>
        )}
        <Form.Item name="address" label={t('subscribe.email')} rules={[{ required: true, message: t('common.required') }, { type: 'email', message: t('common.invalid') }]}>
          <Input type="email" autoComplete="email" maxLength={200} />
        </Form.Item>
        {error ? <Alert type="error" showIcon role="alert" title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
        {done ? <Alert type="success" showIcon role="status" title={t('subscribe.done')} style={{ marginBottom: 16 }} /> : null}
        <Button htmlType="submit" disabled={busy} aria-busy={busy}>{t('subscribe.submit')}</Button>
      </Form>
    </section>
  );
}
