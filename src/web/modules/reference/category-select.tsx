/** A category picker grouped by major category, limited to the kinds the caller may report. */
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseKind } from '../../../domain/case/index.ts';
import type { CategoryView } from '../../api/types.ts';
import { isEnglish } from '../../i18n/setup.ts';

export interface CategorySelectProps {
  categories: CategoryView[] | undefined;
  kinds: readonly CaseKind[];
  value?: string;
  onChange?: (code: string) => void;
  size?: 'large' | 'middle';
  id?: string;
}

export function CategorySelect({ categories, kinds, value, onChange, size, id }: CategorySelectProps) {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const groups = new Map<string, { label: string; options: { value: string; label: string }[] }>();
  for (const category of categories ?? []) {
    if (!kinds.includes(category.kind)) continue;
    const groupLabel = `${t(`kind.${category.kind}`)} · ${english ? category.majorNameEn : category.majorName}`;
    const group = groups.get(groupLabel) ?? { label: groupLabel, options: [] };
    group.options.push({ value: category.code, label: english ? category.nameEn : category.name });
    groups.set(groupLabel, group);
  }
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      size={size}
      showSearch
      optionFilterProp="label"
      placeholder={t('common.select')}
      loading={!categories}
      options={[...groups.values()]}
      listHeight={320}
    />
  );
}
