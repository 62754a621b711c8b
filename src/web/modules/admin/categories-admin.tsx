/** Admin: categories with their department and time limits; edit the limits (CategoryUpdateBody). */
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CategoryUpdateBody } from '../../api/schemas.ts';
import { apiPatch } from '../../api/client.ts';
import type { CategoryView, TimeLimitView } from '../../api/types.ts';
import { isEnglish } from '../../i18n/setup.ts';
import { issuesToFields, useErrorText } from '../../ui/errors.ts';
import { limitText } from '../case/index.ts';
import { loadCategories, useLoaded } from '../reference/index.ts';

const STEPS = ['dispatch', 'sign', 'resolve'] as const;
const UNITS = ['working_hours', 'working_days', 'clock_hours'] as const;

export function CategoriesAdmin() {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [version, setVersion] = useState(0);
  const loaded = useLoaded(loadCategories, [version]);
  const [overrides, setOverrides] = useState<Record<string, CategoryView>>({});
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const categories = loaded
    ?.map((c) => overrides[c.code] ?? c)
    .filter((c) => !needle || [c.code, c.name, c.nameEn, c.majorName, c.majorNameEn].some((text) => text.toLowerCase().includes(needle)));
  const [editing, setEditing] = useState<CategoryView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();

  const save = async () => {
    if (!editing) return;
    setError(null);
    const values = form.getFieldsValue() as { limits: Record<string, TimeLimitView> };
    const parsed = CategoryUpdateBody.safeParse({ limits: values.limits });
    if (!parsed.success) {
      form.setFields(issuesToFields(parsed.error, t));
      return;
    }
    try {
      const updated = await apiPatch<CategoryView>(`/api/v1/admin/categories/${encodeURIComponent(editing.code)}`, parsed.data);
      setOverrides((old) => ({ ...old, [updated.code]: updated }));
      setVersion((n) => n + 1);
      void message.success(t('common.saved'));
      setEditing(null);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <>
      <Input.Search allowClear placeholder={t('field.keyword')} aria-label={t('field.keyword')} onChange={(event) => setFilter(event.target.value)} style={{ width: 260, marginBottom: 12 }} />
      <Table<CategoryView>
        rowKey="code"
        size="small"
        loading={!categories}
        dataSource={categories ?? []}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 900 }}
        columns={[
          { title: t('admin.code'), dataIndex: 'code' },
          { title: t('field.kind'), dataIndex: 'kind', render: (kind: string) => t(`kind.${kind}`) },
          { title: t('field.category'), render: (_v, c) => `${english ? c.majorNameEn : c.majorName} / ${english ? c.nameEn : c.name}` },
          ...STEPS.map((step) => ({ title: t(`limits.${step}`), render: (_v: unknown, c: CategoryView) => limitText(c.limits[step], t) })),
          {
            title: t('common.actions'),
            render: (_v, c) => (
              <Button size="small" onClick={() => { setError(null); setEditing(c); }}>
                {t('admin.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing ? `${t('admin.editLimits')} · ${english ? editing.nameEn : editing.name}` : ''}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form key={editing?.code ?? 'none'} form={form} layout="vertical" preserve={false} initialValues={editing ? { limits: editing.limits } : undefined}>
          {STEPS.map((step) => (
            <Form.Item key={step} label={t(`limits.${step}`)}>
              <Space.Compact>
                <Form.Item name={['limits', step, 'amount']} noStyle><InputNumber min={0.5} max={2928} step={0.5} aria-label={`${t(`limits.${step}`)}`} /></Form.Item>
                <Form.Item name={['limits', step, 'unit']} noStyle>
                  <Select style={{ width: 150 }} options={UNITS.map((unit) => ({ value: unit, label: t(`unit.${unit}`, { count: 2 }).replace(/^\d+\s*/, '') }))} />
                </Form.Item>
              </Space.Compact>
            </Form.Item>
          ))}
          {error ? <Alert type="error" showIcon role="alert" title={errorText(error)} /> : null}
        </Form>
      </Modal>
    </>
  );
}
