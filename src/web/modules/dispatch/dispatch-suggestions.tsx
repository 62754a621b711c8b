/**
 * The top suggestions as one-click choices with their confidence: the operator's report form and dispatch
 * dialog, and the citizen report page, all use it. Choosing one is the caller's business (fill the category,
 * the department or both).
 */
import { Button, Space, Typography } from 'antd';
import { BulbOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isEnglish } from '../../i18n/setup.ts';
import type { DispatchSuggestResponse, DispatchSuggestionView } from './use-dispatch-suggestions.ts';

export interface DispatchSuggestionsProps {
  answer: DispatchSuggestResponse | null;
  /** Only suggestions of these case kinds are offered (a citizen cannot report every kind). */
  kinds?: readonly string[] | undefined;
  /** How many choices to show. */
  limit?: number;
  /** Show the department too (staff); citizens see the category only. */
  showDepartment?: boolean;
  onPick(suggestion: DispatchSuggestionView): void;
}

export function offeredSuggestions(answer: DispatchSuggestResponse | null, kinds: readonly string[] | undefined, limit: number): DispatchSuggestionView[] {
  if (!answer) return [];
  return answer.suggestions.filter((s) => !kinds || kinds.includes(s.kind)).slice(0, limit);
}

export function DispatchSuggestions({ answer, kinds, limit = 3, showDepartment = true, onPick }: DispatchSuggestionsProps) {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  if (!answer) return null;
  const offered = offeredSuggestions(answer, kinds, limit);
  return (
    <div data-testid="dispatch-suggestions" style={{ marginBottom: 16 }}>
      <Typography.Text type="secondary">
        <BulbOutlined /> {t('dispatch.suggestions')} · {t('dispatch.model', { version: answer.model.version })}
      </Typography.Text>
      {answer.model.seedOnly && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{t('dispatch.seedOnly')}</Typography.Text>}
      {offered.length === 0 ? (
        <Typography.Text type="secondary" style={{ display: 'block' }}>{t('dispatch.none')}</Typography.Text>
      ) : (
        <Space wrap style={{ marginTop: 6 }}>
          {offered.map((s) => {
            const category = english ? s.categoryNameEn : s.categoryName;
            const department = (english ? s.departmentNameEn : s.departmentName) ?? '—';
            const percent = Math.round(s.confidence * 100);
            return (
              <Button key={s.categoryCode} size="small" onClick={() => onPick(s)} data-category={s.categoryCode}>
                {showDepartment ? t('dispatch.pick', { category, department, percent }) : `${category} · ${percent}%`}
              </Button>
            );
          })}
        </Space>
      )}
    </div>
  );
}
