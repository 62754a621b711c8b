/**
 * /cockpit — indicators and the ranking (赛马) of streets or departments for a month, for leaders and supervisors.
 * It opens on the last complete month (on the 1st the running month is a few hours old: zeros, every unit an E)
 * with month-to-date beside it, each labelled; the district's 12-month trend; 督办 of a department from its row.
 */
import { Alert, Button, Card, Col, Empty, Modal, Row, Segmented, Space, Statistic, Table, Tag, Typography, DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api/client.ts';
import { EChart } from '../modules/charts/index.ts';
import { BulletinCard, NoticeForm } from '../modules/supervision/index.ts';
import { loadOrgTree, orgNames, useLoaded } from '../modules/reference/index.ts';
import { useSession } from '../modules/session/index.ts';
import { ProjectsCockpitCard } from '../modules/projects/index.ts';
import { useErrorText } from '../ui/errors.ts';

interface Rates { closeRate: number | null; onTimeCloseRate: number | null; satisfactionRate: number | null; reworkRate: number | null }
interface Counts { filed: number; closed: number; overdue: number; dueOpen: number }
interface IndicatorRow { unit: { id: number; code: string; name: string }; counts: Counts; rates: Rates; score: number | null; grade: string | null }
interface IndicatorResponse { district: { code: string; name: string }; items: IndicatorRow[]; total: { counts: Counts; rates: Rates; score: number | null } }
interface RankingRow { unit: { id: number; name: string }; score: number; place: number; movement: number | null }
interface RankingResponse { items: RankingRow[]; redList: RankingRow[]; blackList: RankingRow[] }

type Level = 'street' | 'department';
/** Indicators of one month for the whole district: the trend's points and the month-to-date figures. */
interface DistrictMonth { period: string; total: IndicatorResponse['total'] }
const loadDistrictMonth = (period: string) =>
  apiGet<IndicatorResponse>('/api/v1/indicators', { period, level: 'district' }).then((body): DistrictMonth => ({ period, total: body.total }));

const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`);

export function CockpitPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { user } = useSession();
  const tree = useLoaded(loadOrgTree);
  const districtCode = orgNames(tree).districtCode(user?.districtId ?? null);
  const mayIssue = user?.role === 'leader' || user?.role === 'supervisor';
  // "now" is read once: the page's months do not shift under the reader at midnight
  const [today] = useState<Dayjs>(() => dayjs());
  const currentPeriod = today.format('YYYY-MM');
  // the last complete month: the running one is shown beside it as month-to-date
  const [month, setMonth] = useState<Dayjs>(() => today.subtract(1, 'month').startOf('month'));
  const [level, setLevel] = useState<Level>('street');
  const [trend, setTrend] = useState<DistrictMonth[] | null>(null);
  const [monthToDate, setMonthToDate] = useState<DistrictMonth | null>(null);
  const [supervising, setSupervising] = useState<{ departmentId: number; name: string } | null>(null);
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

  useEffect(() => {
    let alive = true;
    // twelve complete months ending last month, and the running month to date
    const periods = Array.from({ length: 12 }, (_v, i) => today.subtract(12 - i, 'month').format('YYYY-MM'));
    Promise.all([...periods.map(loadDistrictMonth), loadDistrictMonth(currentPeriod)]).then(
      (months) => {
        if (!alive) return;
        setTrend(months.slice(0, 12));
        setMonthToDate(months[12] ?? null);
      },
      (failure: unknown) => alive && setError(failure),
    );
    return () => {
      alive = false;
    };
  }, [today, currentPeriod]);

  const trendOption = useMemo(() => {
    const points = trend ?? [];
    const rate = (value: number | null) => (value === null ? null : Number((value * 100).toFixed(1)));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 56, top: 40, bottom: 24 },
      xAxis: { type: 'category', data: points.map((p) => p.period) },
      yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', name: t('cockpitMonth.rateAxis'), min: 0, max: 100, axisLabel: { formatter: '{value}%' } }],
      series: [
        { type: 'bar', name: t('cockpit.filed'), data: points.map((p) => p.total.counts.filed), itemStyle: { color: '#1f5fbf' } },
        { type: 'bar', name: t('cockpit.closed'), data: points.map((p) => p.total.counts.closed), itemStyle: { color: '#389e0d' } },
        { type: 'line', name: t('cockpit.overdue'), data: points.map((p) => p.total.counts.overdue), itemStyle: { color: '#cf1322' } },
        { type: 'line', name: t('cockpit.satisfaction'), yAxisIndex: 1, connectNulls: true, data: points.map((p) => rate(p.total.rates.satisfactionRate)), itemStyle: { color: '#d48806' } },
      ],
    };
  }, [trend, t]);

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
  const running = period === currentPeriod;
  const lastMonth = today.subtract(1, 'month').format('YYYY-MM');
  const periodLabel = running
    ? t('cockpitMonth.running', { month: period, day: today.date() })
    : t(period === lastMonth ? 'cockpitMonth.lastComplete' : 'cockpitMonth.complete', { month: period });
  const mtd = monthToDate?.total;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>{t('cockpit.title')}</Typography.Title>
        <Space wrap>
          <DatePicker picker="month" value={month} allowClear={false} onChange={(value) => value && setMonth(value)} aria-label={t('cockpit.period')} />
          <Segmented value={level} onChange={(value) => setLevel(value as Level)} options={[{ value: 'street', label: t('cockpit.byStreet') }, { value: 'department', label: t('cockpit.byDepartment') }]} />
        </Space>
      </Space>
      {error ? <Alert type="error" showIcon title={errorText(error)} /> : null}
      <Typography.Title level={5} style={{ margin: 0 }} data-testid="cockpit-period">{periodLabel}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={4}><Card><Statistic title={t('cockpit.filed')} value={total?.counts.filed ?? '—'} /></Card></Col>
        <Col xs={12} md={4}><Card><Statistic title={t('cockpit.closed')} value={total?.counts.closed ?? '—'} /></Card></Col>
        <Col xs={12} md={4}><Card><Statistic title={t('cockpit.overdue')} value={total?.counts.overdue ?? '—'} valueStyle={{ color: '#cf1322' }} /></Card></Col>
        <Col xs={12} md={4}><Card><Statistic title={t('cockpit.closeRate')} value={percent(total?.rates.closeRate)} /></Card></Col>
        <Col xs={12} md={4}><Card><Statistic title={t('cockpit.onTimeRate')} value={percent(total?.rates.onTimeCloseRate)} /></Card></Col>
        <Col xs={12} md={4}><Card><Statistic title={t('cockpit.satisfaction')} value={percent(total?.rates.satisfactionRate)} /></Card></Col>
      </Row>
      {!running && (
        <Card size="small" title={t('cockpitMonth.monthToDate', { from: today.startOf('month').format('YYYY-MM-DD'), to: today.format('YYYY-MM-DD') })} data-testid="cockpit-mtd">
          <Row gutter={[16, 8]}>
            <Col xs={12} md={4}><Statistic title={t('cockpit.filed')} value={mtd?.counts.filed ?? '—'} /></Col>
            <Col xs={12} md={4}><Statistic title={t('cockpit.closed')} value={mtd?.counts.closed ?? '—'} /></Col>
            <Col xs={12} md={4}><Statistic title={t('cockpit.overdue')} value={mtd?.counts.overdue ?? '—'} /></Col>
            <Col xs={12} md={4}><Statistic title={t('cockpit.closeRate')} value={percent(mtd?.rates.closeRate)} /></Col>
            <Col xs={12} md={4}><Statistic title={t('cockpit.onTimeRate')} value={percent(mtd?.rates.onTimeCloseRate)} /></Col>
            <Col xs={12} md={4}><Statistic title={t('cockpit.satisfaction')} value={percent(mtd?.rates.satisfactionRate)} /></Col>
          </Row>
        </Card>
      )}
      <Card title={t('cockpitMonth.trend')}>
        <EChart option={trendOption} height={300} ariaLabel={t('cockpitMonth.trend')} />
      </Card>
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
            // 督办 addresses a department; a street's unit is reached through its cases
            ...(mayIssue && level === 'department' ? [{
              title: t('supervision.operation'), key: 'supervise',
              render: (_v: unknown, row: IndicatorRow) => (
                <Button size="small" onClick={() => setSupervising({ departmentId: row.unit.id, name: row.unit.name })} aria-label={`${t('cockpitMonth.supervise')} ${row.unit.name}`}>
                  {t('cockpitMonth.supervise')}
                </Button>
              ),
            }] : []),
          ]}
        />
      </Card>
      <Modal
        open={supervising !== null}
        title={supervising ? t('cockpitMonth.superviseTitle', { unit: supervising.name }) : ''}
        footer={null}
        onCancel={() => setSupervising(null)}
        destroyOnHidden
      >
        {supervising && (
          <NoticeForm districtCode={districtCode} prefill={supervising} onIssued={() => setSupervising(null)} />
        )}
      </Modal>
    </Space>
  );
}
