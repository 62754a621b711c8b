/**
 * Admin: webhooks for partner systems (docs/integrations.md) — register a URL and the event kinds (the signing
 * secret is shown once), switch one off, and the delivery log with each attempt's answer; the dead letters
 * (deliveries that failed N times) can be replayed, with the same delivery id.
 */
import { Alert, App, Button, Form, Input, Popconfirm, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WEBHOOK_EVENT_KINDS } from '../../../domain/integrations/index.ts';
import { apiDelete, apiGet, apiPost } from '../../api/client.ts';
import { isEnglish } from '../../i18n/setup.ts';
import { useErrorText } from '../../ui/errors.ts';
import { formatTime } from '../case/index.ts';

export interface WebhookView { id: number; url: string; eventKinds: string[]; description: string | null; active: boolean; createdAt: string }
interface AttemptView { at: string; responseStatus: number | null; responseBody: string | null; error: string | null }
export interface DeliveryView {
  id: string; webhookId: number; eventId: number; eventKind: string; status: 'pending' | 'delivered' | 'dead';
  attempts: number; createdAt: string; deliveredAt: string | null; log: AttemptView[];
}
type StatusFilter = 'all' | DeliveryView['status'];

const STATUS_COLOURS: Record<DeliveryView['status'], string> = { pending: 'gold', delivered: 'green', dead: 'red' };

export function WebhooksAdmin() {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ url: string; eventKinds: string[]; description?: string }>();
  const [hooks, setHooks] = useState<WebhookView[] | null>(null);
  const [deliveries, setDeliveries] = useState<DeliveryView[] | null>(null);
  const [status, setStatus] = useState<StatusFilter>('all');
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reloadHooks = useCallback(() => {
    apiGet<{ items: WebhookView[] }>('/api/v1/admin/webhooks').then((body) => setHooks(body.items), setError);
  }, []);
  const reloadDeliveries = useCallback(() => {
    setDeliveries(null);
    apiGet<{ items: DeliveryView[] }>('/api/v1/admin/webhook-deliveries', status === 'all' ? {} : { status })
      .then((body) => setDeliveries(body.items), setError);
  }, [status]);
  useEffect(reloadHooks, [reloadHooks]);
  useEffect(reloadDeliveries, [reloadDeliveries]);

  const kindLabel = (kind: string) => {
    if (kind === '*') return t('webhooks.allEvents');
    const action = kind.slice('case.'.length);
    const name = t(`action.${action}`, { defaultValue: '' });
    return name ? `${name} (${kind})` : kind;
  };
  const hookUrl = (id: number) => hooks?.find((hook) => hook.id === id)?.url ?? `#${id}`;

  const register = async (values: { url: string; eventKinds: string[]; description?: string }) => {
    setError(null);
    try {
      const description = values.description?.trim();
      const created = await apiPost<WebhookView & { secret: string }>('/api/v1/admin/webhooks', {
        url: values.url?.trim() ?? '', eventKinds: values.eventKinds ?? [], ...(description ? { description } : {}),
      });
      setSecret(created.secret);
      form.resetFields();
      reloadHooks();
    } catch (failure) {
      setError(failure);
    }
  };
  const switchOff = async (id: number) => {
    setError(null);
    try {
      await apiDelete(`/api/v1/admin/webhooks/${id}`);
      void message.success(t('common.saved'));
      reloadHooks();
    } catch (failure) {
      setError(failure);
    }
  };
  const replay = async (id: string) => {
    setError(null);
    try {
      await apiPost(`/api/v1/admin/webhook-deliveries/${id}/replay`, {});
      void message.success(t('webhooks.replayed'));
      reloadDeliveries();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('webhooks.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => void register(values)} style={{ maxWidth: 720 }}>
        <Form.Item name="url" label={t('webhooks.url')} rules={[{ required: true, message: t('common.required') }]} extra={t('webhooks.urlHint')}>
          <Input maxLength={2000} placeholder="https://partner.example.gov.cn/hooks/civicloop" inputMode="url" />
        </Form.Item>
        <Form.Item name="eventKinds" label={t('webhooks.eventKinds')} rules={[{ required: true, message: t('common.required') }]}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={WEBHOOK_EVENT_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('webhooks.description')}>
          <Input maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit">{t('webhooks.register')}</Button>
      </Form>
      {secret && (
        <Alert type="success" showIcon closable onClose={() => setSecret(null)} title={t('webhooks.secretOnce')}
          description={<Typography.Text code copyable data-testid="webhook-secret">{secret}</Typography.Text>} />
      )}
      {error ? <Alert type="error" showIcon role="alert" title={errorText(error)} /> : null}

      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('webhooks.listTitle')}</Typography.Title>
      <Table<WebhookView>
        rowKey="id"
        size="small"
        loading={hooks === null}
        dataSource={hooks ?? []}
        pagination={false}
        locale={{ emptyText: t('common.empty') }}
        columns={[
          { title: t('webhooks.url'), dataIndex: 'url', render: (url: string) => <Typography.Text copyable>{url}</Typography.Text> },
          { title: t('webhooks.eventKinds'), dataIndex: 'eventKinds', render: (kinds: string[]) => kinds.map((kind) => <Tag key={kind}>{kind === '*' ? t('webhooks.allEvents') : kind}</Tag>) },
          { title: t('webhooks.description'), dataIndex: 'description', render: (value: string | null) => value ?? '—' },
          { title: t('field.createdAt'), dataIndex: 'createdAt', render: (value: string) => formatTime(value, english) },
          { title: t('webhooks.active'), dataIndex: 'active', render: (active: boolean) => (active ? t('webhooks.on') : t('webhooks.off')) },
          {
            title: t('common.actions'),
            render: (_v, hook) => hook.active ? (
              <Popconfirm title={t('webhooks.switchOffConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => void switchOff(hook.id)}>
                <Button danger size="small">{t('webhooks.switchOff')}</Button>
              </Popconfirm>
            ) : null,
          },
        ]}
      />

      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('webhooks.deliveriesTitle')}</Typography.Title>
        <Space wrap>
          <Segmented<StatusFilter>
            aria-label={t('webhooks.statusFilter')}
            value={status}
            onChange={setStatus}
            options={(['all', 'pending', 'delivered', 'dead'] as const).map((value) => ({ value, label: t(`webhooks.status.${value}`) }))}
          />
          <Button onClick={reloadDeliveries}>{t('webhooks.refresh')}</Button>
        </Space>
      </Space>
      <Table<DeliveryView>
        rowKey="id"
        size="small"
        loading={deliveries === null}
        dataSource={deliveries ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('common.empty') }}
        expandable={{
          expandedRowRender: (delivery) => (
            <Table<AttemptView>
              rowKey="at"
              size="small"
              pagination={false}
              dataSource={delivery.log}
              locale={{ emptyText: t('webhooks.noAttempts') }}
              columns={[
                { title: t('webhooks.attemptAt'), dataIndex: 'at', render: (value: string) => formatTime(value, english) },
                { title: t('webhooks.responseStatus'), dataIndex: 'responseStatus', render: (value: number | null) => value ?? '—' },
                { title: t('webhooks.response'), render: (_v, attempt) => <Typography.Text code>{(attempt.error ?? attempt.responseBody ?? '').slice(0, 300) || '—'}</Typography.Text> },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('webhooks.deliveryId'), dataIndex: 'id', render: (id: string) => <Typography.Text code copyable={{ text: id }}>{id.slice(0, 8)}</Typography.Text> },
          { title: t('webhooks.url'), dataIndex: 'webhookId', render: (id: number) => hookUrl(id) },
          { title: t('webhooks.event'), dataIndex: 'eventKind', render: (kind: string) => kindLabel(kind) },
          { title: t('webhooks.statusLabel'), dataIndex: 'status', render: (value: DeliveryView['status']) => <Tag color={STATUS_COLOURS[value]}>{t(`webhooks.status.${value}`)}</Tag> },
          { title: t('webhooks.attempts'), dataIndex: 'attempts' },
          { title: t('field.createdAt'), dataIndex: 'createdAt', render: (value: string) => formatTime(value, english) },
          { title: t('webhooks.deliveredAt'), dataIndex: 'deliveredAt', render: (value: string | null) => formatTime(value, english) },
          {
            title: t('common.actions'),
            render: (_v, delivery) => delivery.status === 'dead' ? (
              <Button size="small" onClick={() => void replay(delivery.id)}>{t('webhooks.replay')}</Button>
            ) : null,
          },
        ]}
      />
    </Space>
  );
}
