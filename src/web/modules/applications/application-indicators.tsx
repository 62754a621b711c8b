/**
 * 政务服务 indicators and ranking of a month, per department or per window (GET
 * /api/v1/service-applications/indicators): for supervisors, leaders and the window, and for a department's
 * handlers, whose own department is marked.
 */
import { Card, DatePicker, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../../api/client.ts';
import { useSession } from '../session/index.ts';
import { loadOrgTree, orgNames, useLoaded } from '../reference/index.ts';
import { isEnglish } from '../../i18n/setup.ts';

type Level = 'department' | 'window';
type Rates = Record<'onTheSpotRate' | 'promisedOnTimeRate' | 'supplementRate' | 'firstTimeRate' | 'goodRatingRate' | 'rectificationRate' | 'callbackRate', number | null>;

interface UnitRow {
  unit: { id: number; code: string; name: string };
  counts: { received: number; concluded: number; legalOverdue: number; rated: number; badRatings: number };
  rates: Rates;
  score: number | null;
  grade: string | null;
  place: number | null;
  movement: number | null;
}

interface IndicatorReport {
  asOf: string;
  items: UnitRow[];
  total: Omit<UnitRow, 'unit' | 'place' | 'movement'>;
}

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(2)}%`);
const RATE_COLUMNS: (keyof Rates)[] = ['onTheSpotRate', 'promisedOnTimeRate', 'supplementRate', 'firstTimeRate', 'goodRatingRate', 'rectificationRate', 'callbackRate'];

export function ApplicationIndicators() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const tree = useLoaded(loadOrgTree);
  const ownDistrict = orgNames(tree).districtCode(user?.districtId ?? null);
  // Admin belongs to no district: they pick one (the first by default), as on the map.
  const [pickedDistrict, setPickedDistrict] = useState<string | undefined>();
  const districtCode = ownDistrict ?? pickedDistrict ?? tree?.districts[0]?.code ?? null;
  const [month, setMonth] = useState<Dayjs>(() => dayjs());
  const [level, setLevel] = useState<Level>('department');
  const [report, setReport] = useState<IndicatorReport | null>(null);
  const [loading, setLoading] = useState(true);
  const key = month.format('YYYY-MM');
  useEffect(() => {
    if (!districtCode) return undefined;
    let live = true;
    setLoading(true);
    apiGet<IndicatorReport>('/api/v1/service-applications/indicators', { month: key, level, ...(ownDistrict ? {} : { district: districtCode }) })
      .then((body) => { if (live) setReport(body); })
      .finally(() => { if (live) setLoading(false); });
    return () => { live = false; };
  }, [key, level, districtCode, ownDistrict]);
  const rows: (UnitRow & { key: string })[] = report
    ? [...report.items.map((row) => ({ ...row, key: String(row.unit.id) })),
      { ...report.total, key: 'total', unit: { id: 0, code: 'total', name: t('applicationIndicators.total') }, place: null, movement: null }]
    : [];
  const own = (row: UnitRow) => (level === 'department' ? row.unit.id === user?.departmentId : row.unit.id === user?.id);
  return (
    <Card
      title={t('applicationIndicators.title')}
      extra={(
        <Space wrap>
          {!ownDistrict && (
            <Select
              aria-label={t('field.district')} showSearch optionFilterProp="label" style={{ minWidth: 140 }} value={districtCode ?? undefined} onChange={setPickedDistrict}
              options={(tree?.districts ?? []).map((d) => ({ value: d.code, label: isEnglish(i18n.language) ? d.nameEn : d.name }))}
            />
          )}
          <Segmented<Level>
            value={level}
            onChange={setLevel}
            options={[{ value: 'department', label: t('applicationIndicators.byDepartment') }, { value: 'window', label: t('applicationIndicators.byWindow') }]}
          />
          <DatePicker
            picker="month" value={month} allowClear={false} aria-label={t('applicationIndicators.month')}
            disabledDate={(day) => day.isAfter(dayjs(), 'month')} onChange={(value) => value && setMonth(value)}
          />
        </Space>
      )}
    >
      <Table<UnitRow & { key: string }>
        size="small" loading={loading} dataSource={rows} pagination={false} scroll={{ x: true }}
        columns={[
          { title: t('applicationIndicators.place'), render: (_, row) => row.place ?? '—' },
          {
            title: level === 'department' ? t('applicationIndicators.department') : t('applicationIndicators.window'),
            render: (_, row) => <>{row.unit.name}{own(row) ? <Tag color="blue" style={{ marginLeft: 8 }}>{t('applicationIndicators.mine')}</Tag> : null}</>,
          },
          { title: t('applicationIndicators.received'), render: (_, row) => row.counts.received },
          ...RATE_COLUMNS.slice(0, 2).map((rate) => ({ title: t(`applicationIndicators.rates.${rate}`), render: (_: unknown, row: UnitRow) => percent(row.rates[rate]) })),
          { title: t('applicationIndicators.legalOverdue'), render: (_, row) => row.counts.legalOverdue },
          ...RATE_COLUMNS.slice(2).map((rate) => ({ title: t(`applicationIndicators.rates.${rate}`), render: (_: unknown, row: UnitRow) => percent(row.rates[rate]) })),
          { title: t('applicationIndicators.score'), render: (_, row) => (row.score === null ? '—' : `${row.score.toFixed(2)} ${row.grade ?? ''}`) },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('applicationIndicators.hint', { asOf: report ? dayjs(report.asOf).format('YYYY-MM-DD HH:mm') : '—' })}
      </Typography.Paragraph>
    </Card>
  );
}
