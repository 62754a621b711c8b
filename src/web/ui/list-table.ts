/** How the supervision desks' short lists look: small rows, ten a page, the pager only when needed. */
import type { TFunction } from 'i18next';

export function shortListProps(t: TFunction) {
  return {
    rowKey: 'id',
    size: 'small',
    pagination: { pageSize: 10, hideOnSinglePage: true },
    locale: { emptyText: t('common.empty') },
  } as const;
}
