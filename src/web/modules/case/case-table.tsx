/** A table of cases: number, state, category, place, department and the running deadline. */
import { Button, Table, Tag } from 'antd';
import type { TablePaginationConfig, TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface.js';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../api/types.ts';
import { isEnglish } from '../../i18n/setup.ts';
import { categoryLabel, departmentLabel, formatTime } from './case-format.ts';
import { DeadlineBadge, useNow } from './deadline-badge.tsx';
import { StateTag } from './state-tag.tsx';
import { HighlightText } from './highlight-text.tsx';

export interface CaseTableProps {
  items: CaseView[];
  loading: boolean;
  pagination?: TablePaginationConfig | false;
  onOpen(item: CaseView): void;
  /** The searched term, marked in the description. */
  highlight?: string | undefined;
  /** The server's order (the list API's `sort`); given with onSort, the column headers sort on the server. */
  sort?: string;
  onSort?(sort: string): void;
  /** Which order applies when no column is sorted (the queues: urgency). */
  defaultSort?: string;
}

/** Column key → the API's ascending and descending order. */
const SORTS: Record<string, [string, string]> = {
  number: ['number', '-number'],
  createdAt: ['oldest', 'newest'],
  deadline: ['urgency', 'urgency'],
  priority: ['priority', 'priority'],
  categoryName: ['category', 'category'],
  state: ['state', 'state'],
};

function orderOf(column: string, sort: string | undefined): SortOrder {
  const pair = SORTS[column];
  if (!pair || !sort) return null;
  if (pair[0] === pair[1]) return sort === pair[0] ? 'ascend' : null;
  return sort === pair[0] ? 'ascend' : sort === pair[1] ? 'descend' : null;
}

export function CaseTable({ items, loading, pagination = false, onOpen, highlight, sort, onSort, defaultSort = 'newest' }: CaseTableProps) {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const now = useNow(1000);
  const sortable = (column: string) => (onSort
    ? { sorter: true, sortOrder: orderOf(column, sort), sortDirections: SORTS[column]![0] === SORTS[column]![1] ? ['ascend' as const] : ['ascend' as const, 'descend' as const] }
    : {});
  const changed: TableProps<CaseView>['onChange'] = (_pagination, _filters, sorter, extra) => {
    if (extra.action !== 'sort' || !onSort || Array.isArray(sorter)) return;
    const pair = SORTS[String(sorter.columnKey)];
    onSort(pair && sorter.order ? (sorter.order === 'ascend' ? pair[0] : pair[1]) : defaultSort);
  };
  return (
    <Table<CaseView>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={pagination}
      onChange={changed}
      scroll={{ x: 960 }}
      locale={{ emptyText: t('common.empty') }}
      columns={[
        {
          title: t('field.number'),
          key: 'number',
          dataIndex: 'number',
          ...sortable('number'),
          render: (_value, item) => (
            <Button type="link" onClick={() => onOpen(item)} style={{ padding: 0 }}>
              {item.number}
            </Button>
          ),
        },
        { title: t('field.state'), key: 'state', dataIndex: 'state', ...sortable('state'), render: (_v, item) => <StateTag state={item.state} /> },
        {
          title: t('field.category'),
          key: 'categoryName',
          dataIndex: 'categoryName',
          ...sortable('categoryName'),
          render: (_v, item) => (
            <>
              {categoryLabel(item, english)}
              {item.priority === 'urgent' && <Tag color="red" style={{ marginLeft: 6 }}>{t('priority.urgent')}</Tag>}
            </>
          ),
        },
        {
          title: t('field.description'), dataIndex: 'description', ellipsis: true,
          render: (value: string) => <HighlightText text={value} term={highlight} />,
        },
        { title: t('field.street'), dataIndex: 'streetName', render: (value: string | null) => value ?? '—' },
        { title: t('field.department'), dataIndex: 'departmentName', render: (_v, item) => departmentLabel(item, english) },
        { title: t('field.createdAt'), key: 'createdAt', dataIndex: 'createdAt', ...sortable('createdAt'), render: (value: string) => formatTime(value, english) },
        { title: t('field.deadline'), key: 'deadline', ...sortable('deadline'), render: (_v, item) => <DeadlineBadge item={item} now={now} /> },
      ]}
    />
  );
}
