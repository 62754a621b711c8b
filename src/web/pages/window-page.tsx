/**
 * /window — 一窗受理: receive any item of the district, tick the materials, and accept or request 补正
 * in one step (a 即办件 is decided on the spot); below, the district's applications for the window's
 * follow-ups (补正材料已收, 出件).
 */
import { App, Button, Card, Checkbox, Form, Input, Select, Space, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, apiPost } from '../api/client.ts';
import { ApplicationActionButton, ApplicationTable, useApplications, type ApplicationStaffView, type ServiceItemView } from '../modules/applications/index.ts';
import { useErrorText } from '../ui/errors.ts';
import { CardHeading } from '../ui/page-frame.tsx';

interface IntakeValues {
  serviceItemCode: string;
  name: string;
  phone: string;
  materials: string[];
}

type Step = 'accept' | 'request_supplement' | 'conclude';

export function WindowPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<IntakeValues>();
  const [items, setItems] = useState<ServiceItemView[]>([]);
  const [busy, setBusy] = useState(false);
  const { items: applications, loading, act, reload } = useApplications();
  const code = Form.useWatch('serviceItemCode', form);
  const item = useMemo(() => items.find((candidate) => candidate.code === code), [items, code]);

  useEffect(() => {
    void apiGet<{ items: ServiceItemView[] }>('/api/v1/service-items').then((result) => setItems(result.items));
  }, []);

  const receive = async (step: Step) => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const created = await apiPost<ApplicationStaffView>('/api/v1/service-applications', {
        serviceItemCode: values.serviceItemCode, applicant: { name: values.name, phone: values.phone }, materials: values.materials ?? [],
      });
      await apiPost(`/api/v1/cases/${created.caseId}/actions/${step}`, { version: created.version, ...(step === 'conclude' ? { outcome: 'approved' } : {}) });
      message.success(t('applications.received', { number: created.number }));
      form.resetFields();
      await reload();
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const run = (application: ApplicationStaffView, action: string, fields?: Record<string, unknown>) =>
    void act(application, action, fields).catch((error: unknown) => message.error(errorText(error)));

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card title={<CardHeading>{t('applications.windowTitle')}</CardHeading>}>
        <Form form={form} layout="vertical" style={{ maxWidth: 720 }}>
          <Form.Item name="serviceItemCode" label={t('applications.item')} rules={[{ required: true, message: t('common.required') }]}>
            <Select showSearch optionFilterProp="label" options={items.map((candidate) => ({ value: candidate.code, label: `${candidate.name}（${candidate.departmentName}）` }))} />
          </Form.Item>
          {item ? (
            <Space style={{ marginBottom: 12 }} wrap>
              <Tag>{t('applications.promised')} {item.promisedLimitDays}</Tag>
              <Tag>{t('applications.legal')} {item.legalLimitDays}</Tag>
              {item.kind === 'on_the_spot' ? <Tag color="green">{t('applications.onTheSpot')}</Tag> : null}
              {item.toleranceAllowed ? <Tag color="blue">{t('applications.tolerance')}</Tag> : null}
            </Space>
          ) : null}
          <Form.Item name="name" label={t('applications.applicantName')} rules={[{ required: true, message: t('common.required') }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="phone" label={t('applications.applicantPhone')} rules={[{ required: true, message: t('common.required') }, { pattern: /^[0-9+\-\s()]{5,20}$/, message: t('common.invalid') }]}>
            <Input maxLength={20} />
          </Form.Item>
          {item ? (
            <Form.Item name="materials" label={t('applications.materials')}>
              <Checkbox.Group options={item.materials.map((material) => ({ value: material, label: material }))} />
            </Form.Item>
          ) : null}
          <Space wrap>
            <Button type="primary" disabled={busy} onClick={() => void receive(item?.kind === 'on_the_spot' ? 'conclude' : 'accept')}>
              {item?.kind === 'on_the_spot' ? t('applications.receiveAndConclude') : t('applications.receiveAndAccept')}
            </Button>
            <Button disabled={busy} onClick={() => void receive('request_supplement')}>{t('applications.receiveAndSupplement')}</Button>
          </Space>
        </Form>
      </Card>
      <Card title={t('nav.services')} extra={<Button onClick={() => void reload()}>{t('applications.refresh')}</Button>}>
        <ApplicationTable
          items={applications}
          loading={loading}
          actionsFor={(application) => (
            <>
              {application.status === 'accepted' ? <ApplicationActionButton action="request_supplement" onClick={() => run(application, 'request_supplement')} /> : null}
              {application.status === 'supplementing' ? (
                <ApplicationActionButton action="supplement_received" onClick={() => run(application, 'supplement_received', { materials: application.supplementMissing ?? [] })} />
              ) : null}
              {application.status === 'concluded' ? <ApplicationActionButton action="deliver" onClick={() => run(application, 'deliver')} /> : null}
            </>
          )}
        />
      </Card>
    </Space>
  );
}
