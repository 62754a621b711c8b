/** The leader's cockpit: the month's key projects (四率, race score, as frozen) and the district targets with their lights. */
import { Card, Col, Row, Statistic, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../../api/client.ts';
import { LIGHT_COLORS, type Light } from './project-types.ts';

type RateKey = 'landingRate' | 'preparationRate' | 'investmentRate' | 'registrationRate';
interface RatesResponse { rates: Record<RateKey, number | null>; score: number | null; frozen?: boolean }
interface TargetRow { indicator: string; name: string; unit: string; standing: { measure: number | null; light: Light | null }; place: number | null }

const RATE_KEYS: RateKey[] = ['landingRate', 'preparationRate', 'investmentRate', 'registrationRate'];

export function ProjectsCockpitCard({ month }: { month: string }) {
  const { t } = useTranslation();
  const [rates, setRates] = useState<RatesResponse | null>(null);
  const [targets, setTargets] = useState<TargetRow[]>([]);

  useEffect(() => {
    let alive = true;
    apiGet<RatesResponse>('/api/v1/projects/rates', { month }).then((body) => alive && setRates(body), () => alive && setRates(null));
    apiGet<{ items: TargetRow[] }>('/api/v1/targets', { year: month.slice(0, 4), month: String(Number(month.slice(5, 7))) })
      .then((body) => alive && setTargets(body.items), () => alive && setTargets([]));
    return () => {
      alive = false;
    };
  }, [month]);

  return (
    <Card title={t('cockpit.projectsAndTargets')} extra={rates ? <Tag color={rates.frozen ? 'default' : 'processing'}>{t(rates.frozen ? 'kpi.frozen' : 'kpi.live')}</Tag> : null}>
      <Row gutter={[16, 16]}>
        {RATE_KEYS.map((key) => (
          <Col key={key} xs={12} md={4}><Statistic title={t(`kpi.rates.${key}`)} value={rates?.rates[key] ?? '—'} suffix={rates?.rates[key] == null ? undefined : '%'} /></Col>
        ))}
        <Col xs={12} md={4}><Statistic title={t('kpi.raceScore')} value={rates?.score ?? '—'} /></Col>
      </Row>
      <Table<TargetRow> rowKey="indicator" size="small" pagination={false} dataSource={targets} locale={{ emptyText: t('common.empty') }} style={{ marginTop: 16 }}
        columns={[
          { title: t('kpi.indicator'), dataIndex: 'name', render: (name: string, row) => `${name}（${row.unit}）` },
          { title: t('kpi.measure'), render: (_v, row) => (row.standing.measure === null ? '—' : `${row.standing.measure}%`) },
          { title: t('projects.light'), render: (_v, row) => (row.standing.light ? <Tag color={LIGHT_COLORS[row.standing.light]}>{t(`projects.lights.${row.standing.light}`)}</Tag> : '—') },
          { title: t('kpi.peerRank'), dataIndex: 'place', render: (place: number | null) => place ?? '—' },
        ]} />
    </Card>
  );
}
