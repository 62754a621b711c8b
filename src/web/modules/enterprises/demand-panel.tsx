/** File a demand (诉求) for an enterprise and follow the ones filed: each is a case in the loop. */
import { App, Button, Form, Input, List, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiPost } from '../../api/client.ts';
import { CategorySelect, loadCategories, useLoaded } from '../reference/index.ts';
import { useShowError } from '../../ui/errors.ts';
import type { DemandView } from './enterprise-types.ts';

const LEVELS = ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'] as const;

/** With `canRate` (the portal), a resolved (closed) demand not yet rated offers 好差评. */
export function DemandPanel({ enterpriseId, demands, onFiled, canRate = false }: { enterpriseId: number; demands: DemandView[]; onFiled: () => void; canRate?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const toast = useShowError();
  const categories = useLoaded(loadCategories);
  const [form] = Form.useForm<{ categoryCode: string; description: string }>();
  const submit = async (values: { categoryCode: string; description: string }) => {
    try {
      const filed = await apiPost<{ number: string }>(`/api/v1/enterprises/${enterpriseId}/demands`, values);
      void message.success(t('enterprise.demandFiled', { number: filed.number }));
      form.resetFields();
      onFiled();
    } catch (error) {
      toast(error);
    }
  };
  const rate = async (demand: DemandView, level: string) => {
    try {
      await apiPost(`/api/v1/cases/${demand.caseId}/actions/rate`, { version: demand.version, level });
      void message.success(t('enterprise.rated'));
      onFiled();
    } catch (error) {
      toast(error);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="categoryCode" label={t('enterprise.demandCategory')} rules={[{ required: true }]}>
          <CategorySelect categories={categories} kinds={['enterprise_demand']} />
        </Form.Item>
        <Form.Item name="description" label={t('enterprise.demandDescription')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit">{t('enterprise.fileDemand')}</Button>
      </Form>
      <List
        header={t('enterprise.myDemands')}
        dataSource={demands}
        locale={{ emptyText: t('enterprise.noDemands') }}
        renderItem={(demand) => (
          <List.Item data-testid={`demand-${demand.caseId}`}>
            <Space wrap>
              <span>{demand.number}</span>
              <span>{demand.categoryName}</span>
              <span>{demand.title}</span>
              <Tag data-state={demand.state}>{t(`state.${demand.state}`)}</Tag>
              {demand.rating ? <Tag color="green" data-rating={demand.rating}>{t(`rating.${demand.rating}`)}</Tag> : null}
              {canRate && demand.state === 'closed' && !demand.rating ? (
                <Select
                  aria-label={t('enterprise.rate')} placeholder={t('enterprise.rate')} style={{ minWidth: 140 }}
                  options={LEVELS.map((level) => ({ value: level, label: t(`rating.${level}`) }))}
                  onChange={(level: string) => void rate(demand, level)}
                />
              ) : null}
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
