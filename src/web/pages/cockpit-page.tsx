/** /cockpit — indicators and the ranking (赛马) of streets or departments for a month, for leaders and supervisors. */
import { Alert, Card, Col, Empty, Row, Segmented, Space, Statistic, Table, Tag, Typography, DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api/client.ts';
import { EChart } from '../modules/charts/index.ts';
import { BulletinCard } from '../modules/supervision/index.ts';
import { ProjectsCockpitCard } from '../modules/projects/index.ts';
import { useErrorText } from '../ui/errors.ts';

interface Rates { closeRate: number | null; onTimeCloseRate: number | null; satisfactionRate: number | null; reworkRate: number | null }
interface Counts { filed: number; closed: number; overdue: number; dueOpen: number }
interface IndicatorRow { unit: { id: number; code: string; name: string }; counts: Counts; rates: Rates; score: number | null; grade: string | null }
interface IndicatorResponse { district: { code: string; name: string }; items: IndicatorRow[]; total: { counts: Counts; rates: Rates; score: number | null } }
interface RankingRow { unit: { id: number; name: string }; score: number; place: number; movement: number | null }
interface RankingResponse { items: RankingRow[]; redList: RankingRow[]; blackList: RankingRow[] }

type Level = 'street' | 'department';
const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`);

export function CockpitPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [month, setMonth] = useState<Dayjs>(() => dayjs());
  const [level, setLevel] = useState<Level>('street');
  const [data, setData] = useState<{ indicators: IndicatorResponse; ranking: RankingResponse } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const period = month.format('YYYY-MM');

  useEffect(() => {
    let alive = true;
    setError(null);
    Promise.all([
      apiGet<IndicatorResponse>('/api/v1/indicators', { period, level }),
      apiGet<RankingResponse>('/api/v1/rankings', { period, level }),
    ]).then(
      ([indicators, ranking]) => alive && setData({ indicators, ranking }),
      (failure: unknown) => alive && setError(failure),
    );
    return () => {
      alive = false;
    };
  }, [period, level]);

  const option = useMemo(() => {
    const rows = [...(data?.ranking.items ?? [])].sort((a, b) => a.score - b.score);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 120, right: 24, top: 16, bottom: 24 },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', data: rows.map((row) => row.unit.name) },
      series: [{ type: 'bar', name: t('cockpit.score'), data: rows.map((row) => Number(row.score.toFixed(1))), itemStyle: { color: '#1f5fbf' }, label: { show: true, position: 'right' } }],
    };
  }, [data, t]);

  const total = data?.indicators.total;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('cockpit.title')}</Typography.Title>
        <Space wrap>
          <DatePicker picker="month" value={month} allowClear={false} onChange={(value) => value && setMonth(value)} aria-label={t('cockpit.period')} />
          <Segmented value={level} onChange={(value) => setLevel(value as Level)} options={[{ value: 'street', label: t('cockpit.byStreet') }, { value: 'department', label: t('cockpit.byDepartment') }]} />
        </Space>
      </Space>
      {error ? <Alert type="error" showIcon title={errorText(error)} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={12} md={4}><Card><Statistic title={t('cockpit.filed')} value={total?.counts.filed ?? '—'} /></Card></Col>
        <Col xs={12} md={4}><Card><Statistic title={t('cockpit.closed')} value={total?.counts.closed ?? '—'} /></Card></Col>
        <Col xs={12} md={4}><Card><Statistic title={t('cockpit.overdue')} value={total?.counts.overdue ?? '—'} valueStyle={{ color: '#cf1322' }} /></Card></Col>
        <Col xs={12} md={4}><Card><Statistic title={t('cockpit.closeRate')} value={percent(total?.rates.closeRate)} /></Card></Col>
        <Col xs={12} md={4}><Card><Statistic title={t('cockpit.onTimeRate')} value={percent(total?.rates.onTimeCloseRate)} /></Card></Col>
        <Col xs={12} md={4}><Card><Statistic title={t('cockpit.satisfaction')} value={percent(total?.rates.satisfactionRate)} /></Card></Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('cockpit.ranking')}>
            {data && data.ranking.items.length === 0 ? (
              <Empty description={t('common.empty')} />
            ) : (
              <EChart option={option} height={Math.max(240, (data?.ranking.items.length ?? 0) * 36 + 60)} ariaLabel={t('cockpit.ranking')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('cockpit.lists')}>
            <Space orientation="vertical">
              <div>{t('cockpit.redList')}: {data?.ranking.redList.map((row) => <Tag color="red" key={row.unit.id}>{row.unit.name}</Tag>)}</div>
              <div>{t('cockpit.blackList')}: {data?.ranking.blackList.map((row) => <Tag color="default" key={row.unit.id}>{row.unit.name}</Tag>)}</div>
            </Space>
          </Card>
        </Col>
      </Row>
      <ProjectsCockpitCard month={period} />
      <BulletinCard />
      <Card title={t('cockpit.table')}>
        <Table<IndicatorRow>
          rowKey={(row) => row.unit.id}
          size="small"
          pagination={false}
          dataSource={data?.indicators.items ?? []}
          scroll={{ x: 800 }}
          locale={{ emptyText: t('common.empty') }}
          columns={[
            { title: t('cockpit.unit'), dataIndex: ['unit', 'name'] },
            { title: t('cockpit.filed'), dataIndex: ['counts', 'filed'] },
            { title: t('cockpit.closed'), dataIndex: ['counts', 'closed'] },
            { title: t('cockpit.overdue'), dataIndex: ['counts', 'overdue'] },
            { title: t('cockpit.closeRate'), render: (_v, row) => percent(row.rates.closeRate) },
            { title: t('cockpit.onTimeRate'), render: (_v, row) => percent(row.rates.onTimeCloseRate) },
            { title: t('cockpit.satisfaction'), render: (_v, row) => percent(row.rates.satisfactionRate) },
            { title: t('cockpit.score'), render: (_v, row) => (row.score === null ? '—' : row.score.toFixed(1)) },
            { title: t('cockpit.grade'), dataIndex: 'grade', render: (value: string | null) => value ?? '—' },
          ]}
        />
      </Card>
    </Space>
  );
}
