/** The supervisor's (or leader's) form to issue a 督办 notice on a case (by number) or on a unit, with a time to answer. */
import { Alert, App, Button, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, apiPost } from '../../api/client.ts';
import type { CaseListResponse } from '../../api/types.ts';
import type { NoticeView } from '../../api/supervision-types.ts';
import { isEnglish } from '../../i18n/setup.ts';
import { useErrorText } from '../../ui/errors.ts';
import { loadDepartments, useLoaded } from '../reference/index.ts';

interface NoticeValues {
  target: 'case' | 'unit';
  caseNumber?: string;
  departmentId?: number;
  content: string;
  respondWithinDays: number;
}

export interface NoticeFormProps {
  districtCode: string | undefined;
  /** A case (the 督办 button of a late case) or a unit (the cockpit's 督办 of a department) to prefill; a new object each time. */
  prefill?: { number: string } | { departmentId: number } | null;
  onIssued(notice: NoticeView): void;
}

export function NoticeForm({ districtCode, prefill, onIssued }: NoticeFormProps) {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<NoticeValues>();
  const target = Form.useWatch('target', form);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const departments = useLoaded(districtCode ? () => loadDepartments(districtCode) : null, [districtCode]);

  useEffect(() => {
    if (prefill && 'number' in prefill) form.setFieldsValue({ target: 'case', caseNumber: prefill.number });
    if (prefill && 'departmentId' in prefill) form.setFieldsValue({ target: 'unit', departmentId: prefill.departmentId });
  }, [prefill, form]);

  const submit = async (values: NoticeValues) => {
    setSaving(true);
    setError(null);
    try {
      let body: Record<string, unknown> = { content: values.content.trim(), respondWithinDays: values.respondWithinDays };
      if (values.target === 'case') {
        const number = (values.caseNumber ?? '').trim();
        const found = await apiGet<CaseListResponse>('/api/v1/cases', { q: number, page: 1, pageSize: 5 });
        const hit = found.items.find((item) => item.number === number);
        if (!hit) {
          form.setFields([{ name: 'caseNumber', errors: [t('supervision.caseNotFound')] }]);
          return;
        }
        body = { ...body, caseId: hit.id };
      } else {
        body = { ...body, departmentId: values.departmentId };
      }
      const notice = await apiPost<NoticeView>('/api/v1/notices', body);
      void message.success(t('supervision.issued'));
      form.resetFields(['caseNumber', 'departmentId', 'content']);
      onIssued(notice);
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<NoticeValues>
      form={form}
      layout="vertical"
      initialValues={{ target: 'case', respondWithinDays: 2 }}
      onFinish={(values) => void submit(values)}
    >
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} /> : null}
      <Form.Item name="target" label={t('supervision.targetType')}>
        <Radio.Group
          optionType="button"
          options={[{ value: 'case', label: t('supervision.onCase') }, { value: 'unit', label: t('supervision.onUnit') }]}
        />
      </Form.Item>
      {target === 'unit' ? (
        <Form.Item name="departmentId" label={t('field.department')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder={t('common.select')}
            options={(departments ?? []).map((d) => ({ value: d.id, label: english ? (d.nameEn ?? d.name) : d.name }))}
          />
        </Form.Item>
      ) : (
        <Form.Item name="caseNumber" label={t('field.number')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={40} />
        </Form.Item>
      )}
      <Form.Item
        name="content"
        label={t('supervision.content')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 1000, message: t('common.tooLong') }]}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
      <Form.Item
        name="respondWithinDays"
        label={t('supervision.respondWithin')}
        rules={[{ required: true, message: t('common.required') }]}
        extra={t('supervision.respondWithinHint')}
      >
        <InputNumber min={1} max={30} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>{t('supervision.issue')}</Button>
    </Form>
  );
}
