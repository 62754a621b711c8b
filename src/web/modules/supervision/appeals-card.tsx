/** 差评申诉: the district's rating appeals; a supervisor upholds (rating removed) or rejects a pending one. */
import { shortListProps } from '../../ui/list-table.ts';
import { Alert, App, Button, Card, Popconfirm, Segmented, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, apiPost } from '../../api/client.ts';
import type { AppealStatus, AppealView } from '../../api/supervision-types.ts';
import { isEnglish } from '../../i18n/setup.ts';
import { useErrorText, useShowError } from '../../ui/errors.ts';
import { formatTime } from '../case/index.ts';

const STATUS_COLOUR: Record<AppealStatus, string> = { pending: 'orange', upheld: 'green', rejected: 'default' };

export interface AppealsCardProps {
  /** Only supervisors decide; others see the list. */
  canDecide: boolean;
  onOpenCase(caseId: number): void;
}

export function AppealsCard({ canDecide, onOpenCase }: AppealsCardProps) {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const { message } = App.useApp();
  const errorText = useErrorText();
  const showError = useShowError();
  const [status, setStatus] = useState<AppealStatus | 'all'>('pending');
  const [items, setItems] = useState<AppealView[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    let alive = true;
    setLoading(true);
    apiGet<{ items: AppealView[] }>('/api/v1/ratings/appeals', { status: status === 'all' ? undefined : status })
      .then(
        (body) => alive && (setItems(body.items), setError(null)),
        (failure: unknown) => alive && setError(failure),
      )
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [status, tick]);

  const decide = async (appeal: AppealView, upheld: boolean) => {
    try {
      await apiPost(`/api/v1/ratings/appeals/${appeal.id}/decide`, { upheld });
      void message.success(t('common.saved'));
      reload();
    } catch (failure) {
      showError(failure);
    }
  };

  return (
    <Card
      title={t('supervision.appeals')}
      extra={
        <Segmented
          value={status}
          onChange={(value) => setStatus(value as AppealStatus | 'all')}
          options={(['pending', 'upheld', 'rejected', 'all'] as const).map((key) => ({ value: key, label: t(`supervision.appealStatus.${key}`) }))}
        />
      }
    >
      {error ? <Alert type="error" showIcon title={errorText(error)} /> : null}
      <Table<AppealView>
        {...shortListProps(t)}
        loading={loading}
        dataSource={items}
        scroll={{ x: 720 }}
        columns={[
          {
            title: t('supervision.rated'),
            key: 'rated',
            render: (_v, appeal) =>
              appeal.caseId ? (
                <Button type="link" style={{ padding: 0 }} onClick={() => onOpenCase(appeal.caseId as number)}>{t('supervision.caseRating', { id: appeal.caseId })}</Button>
              ) : (
                t('supervision.serviceRating', { id: appeal.serviceRatingId })
              ),
          },
          { title: t('field.reason'), dataIndex: 'reason', ellipsis: true },
          { title: t('supervision.filedAt'), dataIndex: 'filedAt', render: (value: string) => formatTime(value, english) },
          { title: t('field.state'), dataIndex: 'status', render: (value: AppealStatus) => <Tag color={STATUS_COLOUR[value]}>{t(`supervision.appealStatus.${value}`)}</Tag> },
          ...(canDecide
            ? [{
                title: t('supervision.operation'),
                key: 'decide',
                render: (_v: unknown, appeal: AppealView) =>
                  appeal.status !== 'pending' ? null : (
                    <Space>
                      <Popconfirm title={t('supervision.upholdConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => decide(appeal, true)}>
                        <Button size="small" type="primary">{t('supervision.uphold')}</Button>
                      </Popconfirm>
                      <Popconfirm title={t('supervision.rejectConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => decide(appeal, false)}>
                        <Button size="small" danger>{t('supervision.reject')}</Button>
                      </Popconfirm>
                    </Space>
                  ),
              }]
            : []),
        ]}
      />
    </Card>
  );
}
