/** /kpi — the KPI board: district targets against actuals and time progress with the peer rank, and the 四率. */
import { Alert, Card, Col, DatePicker, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api/client.ts';
import { EChart } from '../modules/charts/index.ts';
import { LIGHT_COLORS, type Light } from '../modules/projects/index.ts';
import { useErrorText } from '../ui/errors.ts';

interface TargetItem {
  indicator: string; name: string; unit: string; kind: 'amount' | 'growth'; target: number | null; illustrative: boolean;
  latest: { month: number; value: number | null; yoy: number | null } | null;
  standing: { measure: number | null; timeProgress: number; light: Light | null }; place: number | null;
  peers: { district: { name: string } | null; measure: number | null; place: number | null }[];
}
interface Rates { landingRate: number | null; preparationRate: number | null; investmentRate: number | null; registrationRate: number | null }
interface RatesResponse { rates: Rates; score: number | null; timeProgress: number; frozen?: boolean; peers: { unit: { name: string }; score: number | null; place: number | null }[] }

const RATE_KEYS = ['landingRate', 'preparationRate', 'investmentRate', 'registrationRate'] as const;

export function KpiPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [month, setMonth] = useState<Dayjs>(() => dayjs().subtract(1, 'month'));
  const [targets, setTargets] = useState<TargetItem[]>([]);
  const [rates, setRates] = useState<RatesResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let alive = true;
    Promise.all([
      apiGet<{ items: TargetItem[] }>('/api/v1/targets', { year: month.year(), month: month.month() + 1 }),
      apiGet<RatesResponse>('/api/v1/projects/rates', { month: month.format('YYYY-MM') }),
    ]).then(([list, rated]) => { if (alive) { setTargets(list.items); setRates(rated); } }, (failure: unknown) => alive && setError(failure));
    return () => { alive = false; };
  }, [month]);

  const option = useMemo(() => ({
    tooltip: { trigger: 'axis' }, legend: { top: 0 },
    grid: { left: 130, right: 24, top: 30, bottom: 24 },
    xAxis: { type: 'value' }, yAxis: { type: 'category', data: targets.map((item) => item.name) },
    series: [
      { type: 'bar', name: t('kpi.actual'), data: targets.map((item) => item.standing.measure) },
      { type: 'bar', name: t('kpi.targetOrTime'), data: targets.map((item) => (item.kind === 'growth' ? item.target : item.standing.timeProgress)) },
    ],
  }), [targets, t]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>{t('kpi.title')}</Typography.Title>
        <DatePicker picker="month" value={month} allowClear={false} onChange={(value) => value && setMonth(value)} aria-label={t('projects.month')} />
      </Space>
      {targets.some((item) => item.illustrative) && <Alert type="info" showIcon title={t('kpi.illustrative')} />}
      {error ? <Alert type="error" showIcon title={errorText(error)} /> : null}
      <Row gutter={[16, 16]}>
        {RATE_KEYS.map((key) => (
          <Col key={key} xs={12} md={5}><Card><Statistic title={t(`kpi.rates.${key}`)} value={rates?.rates[key] ?? '—'} suffix={rates?.rates[key] != null ? '%' : undefined} /></Card></Col>
        ))}
        <Col xs={12} md={4}><Card><Statistic title={t('kpi.raceScore')} value={rates?.score ?? '—'} /></Card></Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}><Card title={t('kpi.chart')}><EChart option={option} height={360} ariaLabel={t('kpi.chart')} /></Card></Col>
        <Col xs={24} lg={10}>
          <Card title={t('kpi.projectRace')} extra={rates ? <Tag color={rates.frozen ? 'default' : 'processing'}>{t(rates.frozen ? 'kpi.frozen' : 'kpi.live')}</Tag> : null}>
            <Table rowKey={(row) => row.unit.name} size="small" pagination={false} dataSource={rates?.peers ?? []}
              columns={[{ title: t('kpi.place'), dataIndex: 'place' }, { title: t('kpi.district'), dataIndex: ['unit', 'name'] }, { title: t('kpi.raceScore'), dataIndex: 'score' }]} />
          </Card>
        </Col>
      </Row>
      <Card title={t('kpi.targets')}>
        <Table<TargetItem> rowKey="indicator" size="small" pagination={false} dataSource={targets} locale={{ emptyText: t('common.empty') }}
          columns={[
            { title: t('kpi.indicator'), dataIndex: 'name', render: (name: string, row) => `${name}（${row.unit}）` },
            { title: t('kpi.target'), dataIndex: 'target' },
            { title: t('kpi.actual'), render: (_v, row) => (row.latest ? `${row.latest.value ?? '—'} / ${t('kpi.yoy')} ${row.latest.yoy ?? '—'}%` : '—') },
            { title: t('kpi.measure'), render: (_v, row) => row.standing.measure ?? '—' },
            { title: t('projects.timeProgress'), render: (_v, row) => `${row.standing.timeProgress}%` },
            { title: t('projects.light'), render: (_v, row) => (row.standing.light ? <Tag color={LIGHT_COLORS[row.standing.light]}>{t(`projects.lights.${row.standing.light}`)}</Tag> : '—') },
            { title: t('kpi.peerRank'), render: (_v, row) => (row.place ? `${row.place} / ${row.peers.length}` : '—') },
          ]} />
      </Card>
    </Space>
  );
}
