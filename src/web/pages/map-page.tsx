/** /map — the district's grids drawn from their own GeoJSON, coloured by open or overdue cases. */
import { Alert, Card, Empty, Segmented, Space, Spin, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPEN_STATES } from '../../domain/case/index.ts';
import { apiGet } from '../api/client.ts';
import type { CaseView } from '../api/types.ts';
import { EChart } from '../modules/charts/index.ts';
import { fetchAllCases } from '../modules/case/index.ts';
import { loadOrgTree, orgNames, useLoaded } from '../modules/reference/index.ts';
import { useSession } from '../modules/session/index.ts';
import { useErrorText } from '../ui/errors.ts';

interface GridFeature {
  type: 'Feature';
  properties: { code: string; name: string; communityName: string; streetName: string };
  geometry: unknown;
}
interface GridMap {
  type: 'FeatureCollection';
  features: GridFeature[];
}
interface GridCount {
  code: string;
  name: string;
  streetName: string;
  open: number;
  overdue: number;
}

type Metric = 'open' | 'overdue';

function countByGrid(map: GridMap, cases: CaseView[]): GridCount[] {
  const counts = new Map<string, GridCount>(
    map.features.map((f) => [f.properties.code, { code: f.properties.code, name: f.properties.name, streetName: f.properties.streetName, open: 0, overdue: 0 }]),
  );
  for (const item of cases) {
    const row = item.gridCode ? counts.get(item.gridCode) : undefined;
    if (!row) continue;
    row.open += 1;
    if (item.overdue) row.overdue += 1;
  }
  return [...counts.values()];
}

export function MapPage() {
  const { t } = useTranslation();
  const { user, demo } = useSession();
  const errorText = useErrorText();
  const tree = useLoaded(loadOrgTree);
  const districtCode = orgNames(tree).districtCode(user?.districtId ?? null);
  const [data, setData] = useState<{ map: GridMap; counts: GridCount[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [metric, setMetric] = useState<Metric>('open');

  useEffect(() => {
    if (!districtCode) return;
    let alive = true;
    Promise.all([
      apiGet<GridMap>('/api/v1/grids/map', { district: districtCode }),
      fetchAllCases({ state: OPEN_STATES.join(',') }),
    ]).then(
      ([map, cases]) => alive && setData({ map, counts: countByGrid(map, cases) }),
      (failure: unknown) => alive && setError(failure),
    );
    return () => {
      alive = false;
    };
  }, [districtCode]);

  const mapName = `grids-${districtCode ?? 'none'}`;
  const mapSpec = useMemo(() => (data ? { name: mapName, geoJson: data.map } : undefined), [data, mapName]);
  const option = useMemo(() => {
    if (!data) return {};
    return {
      tooltip: {
        trigger: 'item',
        formatter: (params: { name: string; data?: { grid: GridCount } }) => {
          const grid = params.data?.grid;
          return grid ? `${grid.name} (${grid.code})<br/>${t('map.open')}: ${grid.open}<br/>${t('map.overdue')}: ${grid.overdue}` : params.name;
        },
      },
      visualMap: {
        type: 'piecewise', left: 'left', bottom: 10,
        pieces: [
          { value: 0, label: '0', color: '#f0f0f0' },
          { min: 1, max: 1, label: '1', color: metric === 'overdue' ? '#ffbb96' : '#91caff' },
          { min: 2, max: 3, label: '2–3', color: metric === 'overdue' ? '#ff7a45' : '#4096ff' },
          { min: 4, max: 9, label: '4–9', color: metric === 'overdue' ? '#d4380d' : '#0958d9' },
          { min: 10, label: '≥10', color: metric === 'overdue' ? '#871400' : '#002c8c' },
        ],
      },
      series: [
        {
          type: 'map', map: mapName, nameProperty: 'code', roam: true, emphasis: { label: { show: false } },
          itemStyle: { borderColor: '#fff', borderWidth: 0.6 },
          data: data.counts.map((row) => ({ name: row.code, value: row[metric], grid: row })),
        },
      ],
    };
  }, [data, metric, mapName, t]);

  const top = useMemo(() => [...(data?.counts ?? [])].sort((a, b) => b[metric] - a[metric]).filter((row) => row[metric] > 0).slice(0, 10), [data, metric]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('map.title')}</Typography.Title>
      {demo && <Alert type="info" showIcon title={t('map.synthetic')} />}
      {error ? <Alert type="error" showIcon title={errorText(error)} /> : null}
      <Card extra={<Segmented value={metric} onChange={(value) => setMetric(value as Metric)} options={[{ value: 'open', label: t('map.open') }, { value: 'overdue', label: t('map.overdue') }]} />} title={t('map.legend')}>
        {!data && !error && <Spin />}
        {data && data.map.features.length === 0 && <Empty description={t('map.noGeometry')} />}
        {data && data.map.features.length > 0 && mapSpec && <EChart option={option} map={mapSpec} height={520} ariaLabel={t('map.title')} />}
      </Card>
      <Card title={t('map.top')}>
        <Table<GridCount>
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={top}
          locale={{ emptyText: t('common.empty') }}
          columns={[
            { title: t('field.grid'), dataIndex: 'name', render: (_v, row) => `${row.name} (${row.code})` },
            { title: t('field.street'), dataIndex: 'streetName' },
            { title: t('map.open'), dataIndex: 'open' },
            { title: t('map.overdue'), dataIndex: 'overdue' },
          ]}
        />
      </Card>
    </Space>
  );
}
