/** 一站查: the policies an enterprise meets, almost meets or does not, each with its explanation. */
import { App, Button, Collapse, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiPost } from '../../api/client.ts';
import { isEnglish } from '../../i18n/setup.ts';
import { useShowError } from '../../ui/errors.ts';
import type { MatchView, PolicyApplicationView, PolicyView } from './enterprise-types.ts';
import { MatchExplanation, MatchStatusTag, useBilingual } from './match-explanation.tsx';

export type OneStopItem = MatchView & { policy: PolicyView };

/**
 * With `apply` (the portal), a met policy of mode `application` offers 申报 unless a live application exists;
 * the policy then shows that application's stage.
 */
export function PolicyMatchList({ items, apply }: {
  items: OneStopItem[];
  apply?: { enterpriseId: number; applications: PolicyApplicationView[]; onApplied: () => void } | undefined;
}) {
  const { t, i18n } = useTranslation();
  const say = useBilingual();
  const { message } = App.useApp();
  const showError = useShowError();
  const submit = async (policyId: number) => {
    if (!apply) return;
    try {
      const filed = await apiPost<{ number: string }>(`/api/v1/policies/${policyId}/applications`, { enterpriseId: apply.enterpriseId });
      void message.success(t('enterprise.application.filed', { number: filed.number }));
      apply.onApplied();
    } catch (error) {
      showError(error);
    }
  };
  const liveApplication = (policyId: number) => apply?.applications.find((row) => row.policyId === policyId && row.status !== 'rejected');
  return (
    <Collapse
      items={items.map((item) => ({
        key: item.policy.id,
        label: (
          <Space wrap data-testid={`policy-${item.policy.code}`}>
            <MatchStatusTag status={item.status} />
            <Typography.Text strong>{isEnglish(i18n.language) ? item.policy.titleEn : item.policy.title}</Typography.Text>
            <Typography.Text type="secondary">{t(`enterprise.mode.${item.policy.mode}`)}</Typography.Text>
            {item.amount !== null ? <span>{t('enterprise.grant.amount', { amount: item.amount.toFixed(2) })}</span> : null}
            {liveApplication(item.policy.id) ? <Tag data-status={liveApplication(item.policy.id)!.status}>{t(`enterprise.application.status.${liveApplication(item.policy.id)!.status}`)}</Tag> : null}
          </Space>
        ),
        extra: apply && item.policy.mode === 'application' && item.status === 'met' && !liveApplication(item.policy.id)
          ? <Button size="small" type="primary" onClick={(event) => { event.stopPropagation(); void submit(item.policy.id); }}>{t('enterprise.application.apply')}</Button>
          : null,
        children: (
          <Space orientation="vertical">
            <Typography.Text type="secondary">{item.policy.issuer} · {item.policy.documentNumber}</Typography.Text>
            {item.reason ? <Typography.Text type="danger">{say(item.reason)}</Typography.Text> : null}
            {item.amountText ? <Typography.Text>{say(item.amountText)}</Typography.Text> : null}
            <MatchExplanation outcome={item.explanation} />
          </Space>
        ),
      }))}
    />
  );
}
