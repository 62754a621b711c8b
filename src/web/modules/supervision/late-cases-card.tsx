/** 今日超期与预警: open cases overdue or carrying an amber/red warning, and the units they sit with. */
import { shortListProps } from '../../ui/list-table.ts';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CaseView } from '../../api/types.ts';
import { isEnglish } from '../../i18n/setup.ts';
import { useErrorText } from '../../ui/errors.ts';
import { departmentLabel } from '../case/index.ts';
import { DeadlineBadge, useNow } from '../case/index.ts';
import { StateTag } from '../case/index.ts';
import type { CaseList } from '../case/index.ts';

/** Cases being worked on; the late ones are picked out on the client (the list API has no warning filter). */
export const WORKED_FILTER = { state: 'dispatched,signed', page: 1, pageSize: 200 };

interface UnitRow { name: string; overdue: number; red: number; amber: number }

/** True when a case is overdue or warned. */
export function isLate(item: CaseView): boolean {
  return item.overdue || item.warningLevel === 'amber' || item.warningLevel === 'red';
}

export interface LateCasesCardProps {
  list: CaseList;
  onOpen(caseId: number): void;
  onSupervise(item: CaseView): void;
}

export function LateCasesCard({ list, onOpen, onSupervise }: LateCasesCardProps) {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const errorText = useErrorText();
  const now = useNow(30_000);
  const late = useMemo(() => list.items.filter(isLate).sort((a, b) => Number(b.overdue) - Number(a.overdue)), [list.items]);
  const units = useMemo(() => {
    const byUnit = new Map<string, UnitRow>();
    for (const item of late) {
      const name = departmentLabel(item, english);
      const row = byUnit.get(name) ?? { name, overdue: 0, red: 0, amber: 0 };
      if (item.overdue) row.overdue += 1;
      if (item.warningLevel === 'red') row.red += 1;
      else if (item.warningLevel === 'amber') row.amber += 1;
      byUnit.set(name, row);
    }
    return [...byUnit.values()].sort((a, b) => b.overdue + b.red - (a.overdue + a.red));
  }, [late, english]);

  return (
    <Card
      title={t('supervision.lateTitle')}
      extra={<Link to="/search">{t('supervision.toSearch')}</Link>}
    >
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text strong>{t('supervision.lateUnits')}</Typography.Text>
        <Space wrap>
          {units.length === 0 && !list.loading ? <Typography.Text type="secondary">{t('supervision.noneLate')}</Typography.Text> : null}
          {units.map((unit) => (
            <Tag key={unit.name} color={unit.overdue + unit.red > 0 ? 'red' : 'orange'}>
              {t('supervision.unitCount', { name: unit.name, overdue: unit.overdue, red: unit.red, amber: unit.amber })}
            </Tag>
          ))}
        </Space>
        <Table<CaseView>
          {...shortListProps(t)}
          loading={list.loading}
          dataSource={late}
          scroll={{ x: 800 }}
          columns={[
            {
              title: t('field.number'),
              dataIndex: 'number',
              render: (_v, item) => <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(item.id)}>{item.number}</Button>,
            },
            { title: t('field.state'), dataIndex: 'state', render: (_v, item) => <StateTag state={item.state} /> },
            { title: t('field.department'), key: 'department', render: (_v, item) => departmentLabel(item, english) },
            { title: t('field.description'), dataIndex: 'description', ellipsis: true },
            {
              title: t('supervision.warning'),
              key: 'warning',
              render: (_v, item) => (
                <>
                  {item.overdue && <Tag color="red">{t('supervision.overdue')}</Tag>}
                  {item.warningLevel === 'red' && <Tag color="red">{t('deadline.red')}</Tag>}
                  {item.warningLevel === 'amber' && <Tag color="orange">{t('deadline.amber')}</Tag>}
                </>
              ),
            },
            { title: t('field.deadline'), key: 'deadline', render: (_v, item) => <DeadlineBadge item={item} now={now} /> },
            {
              title: t('supervision.operation'),
              key: 'supervise',
              render: (_v, item) => (
                <Button size="small" onClick={() => onSupervise(item)} aria-label={`${t('action.supervise')} ${item.number}`}>
                  {t('action.supervise')}
                </Button>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
