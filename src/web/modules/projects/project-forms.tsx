/** The project officer's monthly report form (with its site photos) and the problem form (a problem becomes a case). */
import { Alert, Button, Form, Input, InputNumber, Select, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiPost, apiPostForm } from '../../api/client.ts';
import { useErrorText } from '../../ui/errors.ts';

interface ReportValues { month: string; amount: number; progressText?: string; overPlanExplanation?: string }

function lastMonth(): string {
  const now = new Date();
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return date.toISOString().slice(0, 7);
}

/** Photos one upload takes (the server's limit per request). */
const MAX_REPORT_PHOTOS = 3;

/** Picks up to three site photos for the report; they are sent after the report is filed. */
function ReportPhotoPicker({ list, onChange }: { list: UploadFile[]; onChange: (list: UploadFile[]) => void }) {
  const { t } = useTranslation();
  return (
    <Upload listType="picture-card" accept="image/jpeg,image/png,image/webp" multiple maxCount={MAX_REPORT_PHOTOS} fileList={list}
      beforeUpload={() => false} onChange={({ fileList }) => onChange(fileList.slice(0, MAX_REPORT_PHOTOS))}>
      {list.length < MAX_REPORT_PHOTOS && (
        <button type="button" aria-label={t('projects.addReportPhoto')} style={{ border: 0, background: 'none', cursor: 'pointer' }}>
          <CameraOutlined style={{ fontSize: 20 }} />
          <div style={{ marginTop: 4 }}>{t('projects.addReportPhoto')}</div>
        </button>
      )}
    </Upload>
  );
}

export function ReportForm({ projectId, onDone }: { projectId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [error, setError] = useState<unknown>(null);
  const [photoError, setPhotoError] = useState<unknown>(null);
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [form] = Form.useForm<ReportValues>();
  const submit = async (values: ReportValues) => {
    setError(null);
    setPhotoError(null);
    let report: { id: number };
    try {
      report = await apiPost<{ id: number }>(`/api/v1/projects/${projectId}/reports`, { ...values, progressText: values.progressText || undefined, overPlanExplanation: values.overPlanExplanation || undefined });
    } catch (failure) {
      setError(failure);
      return;
    }
    const files = photos.map((item) => item.originFileObj).filter((file): file is NonNullable<typeof file> => Boolean(file));
    if (files.length > 0) {
      const body = new FormData();
      for (const file of files) body.append('file', file, file.name);
      try {
        await apiPostForm(`/api/v1/projects/${projectId}/reports/${report.id}/photos`, body);
      } catch (failure) {
        setPhotoError(failure);
      }
    }
    form.resetFields();
    setPhotos([]);
    onDone();
  };
  return (
    <Form form={form} layout="inline" onFinish={submit} initialValues={{ month: lastMonth() }} aria-label={t('projects.reportForm')}>
      <Form.Item name="month" label={t('projects.month')} rules={[{ required: true, pattern: /^\d{4}-\d{2}$/ }]}><Input style={{ width: 100 }} /></Form.Item>
      <Form.Item name="amount" label={t('projects.amount')} rules={[{ required: true }]}><InputNumber min={0} style={{ width: 140 }} /></Form.Item>
      <Form.Item name="progressText" label={t('projects.progressText')}><Input style={{ width: 220 }} /></Form.Item>
      <Form.Item name="overPlanExplanation" label={t('projects.overPlan')}><Input style={{ width: 160 }} /></Form.Item>
      <Form.Item label={t('projects.reportPhotos')}><ReportPhotoPicker list={photos} onChange={setPhotos} /></Form.Item>
      <Button type="primary" htmlType="submit">{t('projects.fileReport')}</Button>
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginTop: 8, width: '100%' }} /> : null}
      {photoError ? <Alert type="warning" showIcon title={t('projects.reportPhotosFailed', { message: errorText(photoError) })} style={{ marginTop: 8, width: '100%' }} /> : null}
    </Form>
  );
}

interface ProblemValues { categoryCode: string; title: string; description: string }
const PROBLEM_CATEGORIES = ['P01', 'P02', 'P03', 'P04'] as const;

export function ProblemForm({ projectId, onDone }: { projectId: number; onDone: (number: string) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<ProblemValues>();
  const submit = async (values: ProblemValues) => {
    setError(null);
    try {
      const created = await apiPost<{ number: string }>(`/api/v1/projects/${projectId}/problems`, values);
      form.resetFields();
      onDone(created.number);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} aria-label={t('projects.problemForm')}>
      <Form.Item name="categoryCode" label={t('projects.problemCategory')} rules={[{ required: true }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={PROBLEM_CATEGORIES.map((code) => ({ value: code, label: t(`projects.problemCategories.${code}`) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('projects.problemTitle')} rules={[{ required: true, max: 80 }]}><Input /></Form.Item>
      <Form.Item name="description" label={t('projects.problemDescription')} rules={[{ required: true }]}><Input.TextArea rows={2} /></Form.Item>
      <Button type="primary" htmlType="submit">{t('projects.raiseProblem')}</Button>
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginTop: 8 }} /> : null}
    </Form>
  );
}
