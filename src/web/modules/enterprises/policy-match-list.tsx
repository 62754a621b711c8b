/** 一站查: the policies an enterprise meets, almost meets or does not, each with its explanation. */
import { Collapse, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isEnglish } from '../../i18n/setup.ts';
import type { MatchView, PolicyView } from './enterprise-types.ts';
import { MatchExplanation, MatchStatusTag, useBilingual } from './match-explanation.tsx';

export type OneStopItem = MatchView & { policy: PolicyView };

export function PolicyMatchList({ items }: { items: OneStopItem[] }) {
  const { t, i18n } = useTranslation();
  const say = useBilingual();
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
          </Space>
        ),
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
