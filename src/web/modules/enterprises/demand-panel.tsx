/** File a demand (诉求) for an enterprise and follow the ones filed: each is a case in the loop. */
import { App, Button, Form, Input, List, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiPost } from '../../api/client.ts';
import { CategorySelect, loadCategories, useLoaded } from '../reference/index.ts';
import { useShowError } from '../../ui/errors.ts';
import type { DemandView } from './enterprise-types.ts';

export function DemandPanel({ enterpriseId, demands, onFiled }: { enterpriseId: number; demands: DemandView[]; onFiled: () => void }) {
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
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
