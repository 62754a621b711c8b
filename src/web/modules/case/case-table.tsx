/** A table of cases: number, state, category, place, department and the running deadline. */
import { Button, Table, Tag } from 'antd';
import type { TablePaginationConfig } from 'antd';
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
}

export function CaseTable({ items, loading, pagination = false, onOpen, highlight }: CaseTableProps) {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const now = useNow(1000);
  return (
    <Table<CaseView>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={pagination}
      scroll={{ x: 960 }}
      locale={{ emptyText: t('common.empty') }}
      columns={[
        {
          title: t('field.number'),
          dataIndex: 'number',
          render: (_value, item) => (
            <Button type="link" onClick={() => onOpen(item)} style={{ padding: 0 }}>
              {item.number}
            </Button>
          ),
        },
        { title: t('field.state'), dataIndex: 'state', render: (_v, item) => <StateTag state={item.state} /> },
        {
          title: t('field.category'),
          dataIndex: 'categoryName',
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
        { title: t('field.createdAt'), dataIndex: 'createdAt', render: (value: string) => formatTime(value, english) },
        { title: t('field.deadline'), key: 'deadline', render: (_v, item) => <DeadlineBadge item={item} now={now} /> },
      ]}
    />
  );
}
