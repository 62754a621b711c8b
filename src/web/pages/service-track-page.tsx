/** /service-track — the applicant follows an application by 办件编号 + phone (no login) and rates it once (一事一评). */
import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, apiPost } from '../api/client.ts';
import type { ApplicationPublicView } from '../modules/applications/index.ts';
import { useErrorText } from '../ui/errors.ts';
import { CardHeading } from '../ui/page-frame.tsx';

const LEVELS = ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'] as const;

export function ServiceTrackPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [application, setApplication] = useState<ApplicationPublicView | null>(null);
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [thanks, setThanks] = useState(false);

  const track = async (values: { number: string; phone: string }) => {
    setError(null);
    try {
      setApplication(await apiGet<ApplicationPublicView>(`/api/v1/service-applications/${encodeURIComponent(values.number.trim().toUpperCase())}`, { phone: values.phone.trim() }));
      setPhone(values.phone.trim());
    } catch (failure) {
      setApplication(null);
      setError(failure);
    }
  };

  const rate = async (level: string) => {
    if (!application) return;
    setError(null);
    try {
      setApplication(await apiPost<ApplicationPublicView>(`/api/v1/service-applications/${encodeURIComponent(application.number)}/rating`, { phone, level }));
      setThanks(true);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card title={<CardHeading>{t('applications.trackTitle')}</CardHeading>}>
        <Form layout="vertical" onFinish={(values: { number: string; phone: string }) => void track(values)} size="large">
          <Form.Item name="number" label={t('applications.number')} rules={[{ required: true, message: t('common.required') }]}>
            <Input placeholder="LY-2026-000001" />
          </Form.Item>
          <Form.Item name="phone" label={t('applications.applicantPhone')} rules={[{ required: true, message: t('common.required') }]}>
            <Input maxLength={20} />
          </Form.Item>
          {error ? <Alert type="error" showIcon title={errorText(error)} role="alert" style={{ marginBottom: 16 }} /> : null}
          <Button type="primary" htmlType="submit" block>{t('applications.search')}</Button>
        </Form>
      </Card>
      {application ? (
        <Card title={application.number}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('applications.item')}>{application.serviceItem.name}（{application.serviceItem.departmentName}）</Descriptions.Item>
            <Descriptions.Item label={t('applications.status')}><Tag color="blue">{t(`applications.statuses.${application.status}`)}</Tag></Descriptions.Item>
            <Descriptions.Item label={t('applications.promised')}>{new Date(application.promisedDeadline).toLocaleDateString('zh-CN')}</Descriptions.Item>
            {application.supplementMissing?.length ? (
              <Descriptions.Item label={t('applications.supplementMissing')}>{application.supplementMissing.join('、')}</Descriptions.Item>
            ) : null}
          </Descriptions>
          {thanks ? <Alert type="success" showIcon role="status" title={t('applications.thanks')} style={{ marginTop: 12 }} /> : null}
          {application.rating ? <Tag style={{ marginTop: 12 }}>{t('applications.rated', { level: t(`rating.${application.rating}`) })}</Tag> : null}
          {application.canRate ? (
            <Card size="small" title={t('applications.rate')} style={{ marginTop: 12 }}>
              <Space wrap>{LEVELS.map((level) => <Button key={level} onClick={() => void rate(level)}>{t(`rating.${level}`)}</Button>)}</Space>
            </Card>
          ) : null}
        </Card>
      ) : null}
    </Space>
  );
}
