/** A match explained condition by condition: a nested list with met / almost / not marks. */
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isEnglish } from '../../i18n/setup.ts';
import type { Bilingual, RuleOutcomeView } from './enterprise-types.ts';

const COLORS = { met: 'green', almost: 'gold', not: 'red' } as const;

export function useBilingual(): (text: Bilingual | null | undefined) => string {
  const { i18n } = useTranslation();
  return (text) => (text ? (isEnglish(i18n.language) ? text.en : text.zh) : '');
}

export function MatchStatusTag({ status }: { status: 'met' | 'almost' | 'not' }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`enterprise.match.${status}`)}</Tag>;
}

export function MatchExplanation({ outcome }: { outcome: RuleOutcomeView | null }) {
  const say = useBilingual();
  if (!outcome) return null;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      <li>
        <Typography.Text type={outcome.status === 'not' ? 'danger' : outcome.status === 'almost' ? 'warning' : 'success'}>{say(outcome.text)}</Typography.Text>
        {outcome.children?.map((child, index) => <MatchExplanation key={index} outcome={child} />)}
      </li>
    </ul>
  );
}
