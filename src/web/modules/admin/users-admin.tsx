/** Admin: the user list and a form to add a user (validated with the shared UserCreateBody). */
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserCreateBody } from '../../api/schemas.ts';
import { ROLES } from '../../../domain/case/index.ts';
import { apiGet, apiPost } from '../../api/client.ts';
import type { UserView } from '../../api/types.ts';
import { isEnglish } from '../../i18n/setup.ts';
import { clearErrorsOnChange, compact, issuesToFields, useErrorText } from '../../ui/errors.ts';
import { loadOrgTree, orgNames, useLoaded } from '../reference/index.ts';
import { App } from 'antd';

export function UsersAdmin() {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const { message } = App.useApp();
  const errorText = useErrorText();
  const tree = useLoaded(loadOrgTree);
  const names = orgNames(tree);
  const [form] = Form.useForm();
  const [users, setUsers] = useState<UserView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(() => {
    apiGet<{ items: UserView[] }>('/api/v1/admin/users').then((body) => setUsers([...body.items].sort((a, b) => b.id - a.id)), setError);
  }, []);
  useEffect(reload, [reload]);

  const submit = async () => {
    setError(null);
    const parsed = UserCreateBody.safeParse(compact(form.getFieldsValue() as Record<string, unknown>));
    if (!parsed.success) {
      form.setFields(issuesToFields(parsed.error, t));
      return;
    }
    setBusy(true);
    try {
      await apiPost('/api/v1/admin/users', parsed.data);
      void message.success(t('common.saved'));
      form.resetFields();
      reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={t('admin.addUser')}>
        <Form form={form} layout="inline" onFinish={() => void submit()} onValuesChange={clearErrorsOnChange(form)} style={{ rowGap: 8 }}>
          <Form.Item name="username" label={t('login.username')} required><Input style={{ width: 160 }} /></Form.Item>
          <Form.Item name="displayName" label={t('field.name')} required><Input style={{ width: 140 }} /></Form.Item>
          <Form.Item name="password" label={t('login.password')} required><Input.Password style={{ width: 160 }} autoComplete="new-password" /></Form.Item>
          <Form.Item name="role" label={t('user.role')} required>
            <Select showSearch optionFilterProp="label" style={{ width: 140 }} options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
          </Form.Item>
          <Form.Item name="districtCode" label={t('user.district')}>
            <Select allowClear showSearch optionFilterProp="label" style={{ width: 140 }} options={(tree?.districts ?? []).map((d) => ({ value: d.code, label: english ? d.nameEn : d.name }))} />
          </Form.Item>
          <Form.Item name="departmentCode" label={t('user.department')}><Input style={{ width: 100 }} placeholder="cgj" /></Form.Item>
          <Form.Item name="gridCode" label={t('user.grid')}><Input style={{ width: 170 }} maxLength={15} /></Form.Item>
          <Button type="primary" htmlType="submit" disabled={busy} aria-busy={busy}>{t('action.create')}</Button>
        </Form>
        {error ? <Alert type="error" showIcon role="alert" title={errorText(error)} style={{ marginTop: 12 }} /> : null}
      </Card>
      <Table<UserView>
        rowKey="id"
        size="small"
        loading={users === null}
        dataSource={users ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('login.username'), dataIndex: 'username' },
          { title: t('field.name'), dataIndex: 'displayName' },
          { title: t('user.role'), dataIndex: 'role', render: (role: string) => <Tag>{t(`role.${role}`)}</Tag> },
          { title: t('user.district'), dataIndex: 'districtId', render: (id: number | null) => names.districtName(id, english) ?? '—' },
          { title: t('user.grid'), dataIndex: 'gridId', render: (id: number | null) => names.gridName(id) ?? '—' },
        ]}
      />
    </Space>
  );
}
