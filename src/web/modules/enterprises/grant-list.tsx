/** 免申即享 grants of an enterprise: confirm (意愿确认) or decline a pending one; paid ones show the reference. */
import { App, Button, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiPost } from '../../api/client.ts';
import { isEnglish } from '../../i18n/setup.ts';
import { useShowError } from '../../ui/errors.ts';
import type { GrantView } from './enterprise-types.ts';

const STATUS_COLORS = { pending: 'gold', confirmed: 'blue', declined: 'default', paid: 'green' } as const;

export function GrantList({ grants, canDecide, onChanged }: { grants: GrantView[]; canDecide: boolean; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const decide = async (grant: GrantView, action: 'confirm' | 'decline') => {
    try {
      await apiPost(`/api/v1/grant-runs/${grant.runId}/items/${grant.id}/${action}`);
      void message.success(t(`enterprise.grant.${action}Done`));
      onChanged();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <List
      dataSource={grants}
      locale={{ emptyText: t('enterprise.grant.none') }}
      renderItem={(grant) => (
        <List.Item
          data-testid={`grant-${grant.id}`}
          actions={canDecide && grant.status === 'pending' ? [
            <Button key="confirm" type="primary" onClick={() => void decide(grant, 'confirm')}>{t('enterprise.grant.confirm')}</Button>,
            <Button key="decline" onClick={() => void decide(grant, 'decline')}>{t('enterprise.grant.decline')}</Button>,
          ] : []}
        >
          <Space wrap>
            <Typography.Text strong>{isEnglish(i18n.language) ? grant.policyTitleEn : grant.policyTitle}</Typography.Text>
            <span>{t('enterprise.grant.amount', { amount: grant.amount.toFixed(2) })}</span>
            <Tag color={STATUS_COLORS[grant.status]} data-status={grant.status}>{t(`enterprise.grant.status.${grant.status}`)}</Tag>
            {grant.paymentReference ? <Typography.Text type="secondary">{grant.paymentReference}</Typography.Text> : null}
          </Space>
        </List.Item>
      )}
    />
  );
}
