/**
 * Saved filters of a desk (issue 17 item 3), kept per user on the server (`/api/v1/saved-filters`, docs/live-desks.md):
 * pick one to apply it, save the current filters under a name, delete one. The API's refusals (a name taken, the
 * limit of 20) show as its message in the UI's language.
 */
import { App, Button, Form, Input, Popconfirm, Popover, Select, Space } from 'antd';
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiDelete, apiGet, apiPost } from '../../api/client.ts';
import { useErrorText } from '../../ui/errors.ts';

export type SavedFilterPage = 'workbench' | 'inbox' | 'search';

export interface SavedFilterView {
  id: number;
  page: SavedFilterPage;
  name: string;
  filter: Record<string, string>;
  createdAt: string;
}

export interface SavedFiltersProps {
  page: SavedFilterPage;
  /** The current filters as the list's query (undefined values are left out). */
  current(): Record<string, string | undefined>;
  onApply(filter: Record<string, string>): void;
}

export function SavedFilters({ page, current, onApply }: SavedFiltersProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [items, setItems] = useState<SavedFilterView[]>([]);
  const [chosen, setChosen] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ name: string }>();

  const reload = useCallback(() => {
    apiGet<{ items: SavedFilterView[] }>('/api/v1/saved-filters', { page }).then((body) => setItems(body.items), (error: unknown) => message.error(errorText(error)));
  }, [page, message, errorText]);
  useEffect(reload, [reload]);

  const save = async ({ name }: { name: string }) => {
    const filter = Object.fromEntries(Object.entries(current()).filter((entry): entry is [string, string] => entry[1] !== undefined));
    setBusy(true);
    try {
      const created = await apiPost<SavedFilterView>('/api/v1/saved-filters', { page, name: name.trim(), filter });
      message.success(t('savedFilters.saved', { name: created.name }));
      setSaving(false);
      form.resetFields();
      setChosen(created.id);
      reload();
    } catch (error) {
      form.setFields([{ name: 'name', errors: [errorText(error)] }]);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (item: SavedFilterView) => {
    try {
      await apiDelete(`/api/v1/saved-filters/${item.id}`);
      message.success(t('savedFilters.deleted', { name: item.name }));
      if (chosen === item.id) setChosen(null);
      reload();
    } catch (error) {
      message.error(errorText(error));
    }
  };
  const picked = items.find((item) => item.id === chosen) ?? null;

  const saveForm = (
    <Form form={form} layout="vertical" onFinish={(values) => void save(values)} style={{ width: 240 }}>
      <Form.Item name="name" label={t('savedFilters.name')} rules={[{ required: true, whitespace: true, message: t('savedFilters.nameRequired') }, { max: 40 }]}>
        <Input maxLength={40} autoFocus />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>{t('savedFilters.submit')}</Button>
    </Form>
  );
  return (
    <Space size={4} data-testid="saved-filters">
      <Select
        aria-label={t('savedFilters.pick')}
        style={{ width: 180 }}
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('savedFilters.placeholder')}
        notFoundContent={t('savedFilters.empty')}
        value={chosen}
        options={items.map((item) => ({ value: item.id, label: item.name }))}
        onChange={(id: number | undefined) => {
          setChosen(id ?? null);
          const item = items.find((candidate) => candidate.id === id);
          onApply(item ? item.filter : {});
        }}
      />
      {picked && (
        <Popconfirm title={t('savedFilters.deleteConfirm', { name: picked.name })} onConfirm={() => remove(picked)}>
          <Button icon={<DeleteOutlined />} aria-label={t('savedFilters.delete', { name: picked.name })} />
        </Popconfirm>
      )}
      <Popover
        trigger="click"
        open={saving}
        onOpenChange={(next) => { setSaving(next); if (!next) form.resetFields(); }}
        title={t('savedFilters.saveTitle')}
        content={saveForm}
      >
        <Button icon={<SaveOutlined />}>{t('savedFilters.save')}</Button>
      </Popover>
    </Space>
  );
}
