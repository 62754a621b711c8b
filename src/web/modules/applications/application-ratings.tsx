/**
 * The department's rating and rectification view (一事一评 → 差评整改 → 回访): its rated applications, the
 * rating and comment, and the rectification case a 差评 opened with its state and callback.
 */
import { Card, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isBadRating, type RatingLevel } from '../../../domain/case/index.ts';
import type { ApplicationStaffView } from './application-types.ts';

export function ApplicationRatings({ items, loading }: { items: ApplicationStaffView[]; loading: boolean }) {
  const { t } = useTranslation();
  const rated = items.filter((item) => item.rating !== null);
  return (
    <Card title={t('applicationRatings.title')} size="small">
      <Table<ApplicationStaffView>
        rowKey="caseId" size="small" loading={loading} dataSource={rated} pagination={{ pageSize: 10 }} locale={{ emptyText: t('applicationRatings.none') }}
        columns={[
          { title: t('applications.number'), dataIndex: 'number' },
          { title: t('applications.item'), render: (_, row) => row.serviceItem.name },
          {
            title: t('applicationRatings.rating'),
            render: (_, row) => <Tag color={isBadRating(row.rating as RatingLevel) ? 'red' : 'green'}>{t(`rating.${row.rating}`)}</Tag>,
          },
          { title: t('applicationRatings.comment'), render: (_, row) => row.ratingComment ?? '—' },
          {
            title: t('applicationRatings.rectification'),
            render: (_, row) => (row.rectification
              ? <>{row.rectification.number} <Tag>{t(`state.${row.rectification.state}`)}</Tag>
                {row.rectification.resolveDeadline ? <small>{t('applicationRatings.deadline', { at: dayjs(row.rectification.resolveDeadline).format('YYYY-MM-DD HH:mm') })}</small> : null}</>
              : '—'),
          },
          { title: t('applicationRatings.callback'), render: (_, row) => (row.rectification ? (row.rectification.calledBack ? t('applicationRatings.calledBack') : t('applicationRatings.notYet')) : '—') },
        ]}
      />
    </Card>
  );
}
