/** A table of 督办 notices: target, content, deadline to answer, state, and the answer. */
import { shortListProps } from '../../ui/list-table.ts';
import { Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NoticeView } from '../../api/supervision-types.ts';
import { isEnglish } from '../../i18n/setup.ts';
import { formatTime } from '../case/index.ts';

const STATUS_COLOUR = { open: 'orange', answered: 'green', escalated: 'red' } as const;

export interface NoticeTableProps {
  items: NoticeView[];
  loading: boolean;
  onOpenCase?(caseId: number): void;
  /** When given, open notices get an "answer" button (handlers). */
  onRespond?(notice: NoticeView): void;
}

/** The state tag of a notice: 待回复 / 已回复 / 已升级, and 逾期 when answered late or still open past the deadline. */
export function NoticeStatusTag({ notice }: { notice: NoticeView }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={STATUS_COLOUR[notice.status]}>{t(`supervision.status.${notice.status}`)}</Tag>
      {notice.late && <Tag color="red">{t('supervision.late')}</Tag>}
    </>
  );
}

export function NoticeTable({ items, loading, onOpenCase, onRespond }: NoticeTableProps) {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  return (
    <Table<NoticeView>
      {...shortListProps(t)}
      loading={loading}
      dataSource={items}
      scroll={{ x: 900 }}
      columns={[
        {
          title: t('supervision.target'),
          key: 'target',
          render: (_v, notice) =>
            notice.caseId && notice.caseNumber ? (
              onOpenCase ? (
                <Button type="link" style={{ padding: 0 }} onClick={() => onOpenCase(notice.caseId as number)}>{notice.caseNumber}</Button>
              ) : (
                notice.caseNumber
              )
            ) : (
              t('supervision.unitNotice')
            ),
        },
        { title: t('field.department'), dataIndex: 'departmentName', render: (value: string | null) => value ?? '—' },
        { title: t('supervision.content'), dataIndex: 'content', ellipsis: true },
        {
          title: t('supervision.issuedAt'), dataIndex: 'issuedAt',
          // when, and by whom: a leader's 督办 shows the leader's name and role
          render: (value: string, notice) => (
            <>
              {formatTime(value, english)}
              {notice.issuer?.name ? <div data-testid="notice-issuer">{notice.issuer.role ? `${t(`role.${notice.issuer.role}`)} ` : ''}{notice.issuer.name}</div> : null}
            </>
          ),
        },
        { title: t('supervision.respondBy'), dataIndex: 'respondBy', render: (value: string) => formatTime(value, english) },
        { title: t('field.state'), dataIndex: 'status', render: (_v, notice) => <NoticeStatusTag notice={notice} /> },
        { title: t('supervision.response'), dataIndex: 'response', ellipsis: true, render: (value: string | null) => value ?? '—' },
        ...(onRespond
          ? [{
              title: t('supervision.operation'),
              key: 'respond',
              render: (_v: unknown, notice: NoticeView) =>
                notice.status === 'answered' ? null : (
                  <Button size="small" type="primary" onClick={() => onRespond(notice)}>{t('supervision.respond')}</Button>
                ),
            }]
          : []),
      ]}
    />
  );
}
