/** Admin: Open311 API keys — create (the key is shown once), list, revoke. */
import { Alert, App, Button, Form, Input, Popconfirm, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiDelete, apiGet, apiPost } from '../../api/client.ts';
import { isEnglish } from '../../i18n/setup.ts';
import { useErrorText } from '../../ui/errors.ts';
import { formatTime } from '../case/index.ts';

interface ApiKeyView { id: number; name: string; createdAt: string; revokedAt: string | null }

export function ApiKeysAdmin() {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [keys, setKeys] = useState<ApiKeyView[] | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ name: string }>();

  const reload = useCallback(() => {
    apiGet<{ items: ApiKeyView[] }>('/api/v1/admin/apikeys').then((body) => setKeys(body.items), setError);
  }, []);
  useEffect(reload, [reload]);

  const create = async ({ name }: { name: string }) => {
    setError(null);
    try {
      const result = await apiPost<{ key: string }>('/api/v1/admin/apikeys', { name: name?.trim() ?? '' });
      setCreated(result.key);
      form.resetFields();
      reload();
    } catch (failure) {
      setError(failure);
    }
  };

  const revoke = async (id: number) => {
    try {
      await apiDelete(`/api/v1/admin/apikeys/${id}`);
      void message.success(t('common.saved'));
      reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Form form={form} layout="inline" onFinish={(values) => void create(values)}>
        <Form.Item name="name" label={t('admin.keyName')} rules={[{ required: true, message: t('common.required') }]}><Input maxLength={100} style={{ width: 240 }} /></Form.Item>
        <Button type="primary" htmlType="submit">{t('action.create')}</Button>
      </Form>
      {created && (
        <Alert type="success" showIcon closable onClose={() => setCreated(null)} title={t('admin.keyOnce')} description={<Typography.Text code copyable>{created}</Typography.Text>} />
      )}
      {error ? <Alert type="error" showIcon role="alert" title={errorText(error)} /> : null}
      <Table<ApiKeyView>
        rowKey="id"
        size="small"
        loading={keys === null}
        dataSource={keys ?? []}
        pagination={false}
        locale={{ emptyText: t('common.empty') }}
        columns={[
          { title: t('admin.keyName'), dataIndex: 'name' },
          { title: t('field.createdAt'), dataIndex: 'createdAt', render: (value: string) => formatTime(value, english) },
          { title: t('admin.revokedAt'), dataIndex: 'revokedAt', render: (value: string | null) => formatTime(value, english) },
          {
            title: t('common.actions'),
            render: (_v, key) =>
              key.revokedAt ? null : (
                <Popconfirm title={t('admin.revokeConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => void revoke(key.id)}>
                  <Button danger size="small">{t('admin.revoke')}</Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Space>
  );
}
