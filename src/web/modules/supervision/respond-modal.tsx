/** The handler's answer to a 督办 notice (回复督办). */
import { Alert, Form, Input, Modal, Typography, App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiPost } from '../../api/client.ts';
import type { NoticeView } from '../../api/supervision-types.ts';
import { isEnglish } from '../../i18n/setup.ts';
import { useErrorText } from '../../ui/errors.ts';
import { formatTime } from '../case/index.ts';

export interface RespondModalProps {
  notice: NoticeView | null;
  onClose(): void;
  onAnswered(notice: NoticeView): void;
}

export function RespondModal({ notice, onClose, onAnswered }: RespondModalProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ response: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (values: { response: string }) => {
    if (!notice) return;
    setSaving(true);
    setError(null);
    try {
      const answered = await apiPost<NoticeView>(`/api/v1/notices/${notice.id}/respond`, { response: values.response.trim() });
      void message.success(t('common.saved'));
      form.resetFields();
      onAnswered(answered);
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={notice !== null}
      title={t('supervision.respondTitle')}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {notice && (
        <Typography.Paragraph>
          <Typography.Text strong>{notice.caseNumber ?? t('supervision.unitNotice')}</Typography.Text>
          {t('common.colon')}{notice.content}
          <br />
          <Typography.Text type="secondary">{t('supervision.respondBy')}{t('common.colon')}{formatTime(notice.respondBy, isEnglish(i18n.language))}</Typography.Text>
        </Typography.Paragraph>
      )}
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="response"
          label={t('supervision.response')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 1000, message: t('common.tooLong') }]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
