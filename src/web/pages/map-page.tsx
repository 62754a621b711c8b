/**
 * /map — cases on a real map (Leaflet, ADR 0007): grids and streets on the configured base layer or the
 * offline style, cases clustered on the server for the view or as a heatmap, filtered by state, category,
 * period and warning, drill-down district → street → community → grid, a click on a case opens its drawer.
 */
import { Alert, Breadcrumb, Card, DatePicker, Empty, Flex, Segmented, Select, Space, Spin, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATES, OPEN_STATES } from '../../domain/case/index.ts';
import { CaseDrawer } from '../modules/case/index.ts';
import { CaseMap, drillInto, loadGridMap, type CaseMapFilters, type DrillUnit, type GridFeature, type GridMap } from '../modules/geo/index.ts';
import { loadCategories, loadOrgTree, orgNames, useLoaded } from '../modules/reference/index.ts';
import { useSession } from '../modules/session/index.ts';
import { isEnglish } from '../i18n/setup.ts';
import { useErrorText } from '../ui/errors.ts';

const OPEN = OPEN_STATES.join(',');

export function MapPage() {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const { user, demo } = useSession();
  const errorText = useErrorText();
  const tree = useLoaded(loadOrgTree);
  const categories = useLoaded(loadCategories);
  const ownDistrict = orgNames(tree).districtCode(user?.districtId ?? null);
  // Admin belongs to no district: they pick one (the first by default).
  const [pickedDistrict, setPickedDistrict] = useState<string | undefined>();
  const districtCode = ownDistrict ?? pickedDistrict ?? tree?.districts[0]?.code ?? null;
  const district = tree?.districts.find((d) => d.code === districtCode);
  const [grids, setGrids] = useState<GridMap | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [trail, setTrail] = useState<DrillUnit[]>([]);
  const [state, setState] = useState<string>(OPEN);
  const [category, setCategory] = useState<string | undefined>();
  const [warning, setWarning] = useState<string | undefined>();
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [heat, setHeat] = useState(false);
  const [shown, setShown] = useState<{ total: number; capped: boolean } | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);

  useEffect(() => {
    if (!districtCode) return;
    let alive = true;
    setGrids(null);
    setTrail([]);
    loadGridMap(districtCode).then((map) => alive && setGrids(map), (failure: unknown) => alive && setError(failure));
    return () => {
      alive = false;
    };
  }, [districtCode]);

  const districtUnit = useMemo<DrillUnit>(() => ({ level: 'district', code: districtCode ?? '', name: (english ? district?.nameEn : district?.name) ?? '' }), [districtCode, district, english]);
  const unit = trail.at(-1) ?? districtUnit;
  const filters = useMemo<CaseMapFilters>(() => ({
    state: state || undefined,
    category,
    warning,
    // Days are Beijing days: the period starts and ends at Beijing midnight.
    from: period?.[0] ? `${period[0].format('YYYY-MM-DD')}T00:00:00+08:00` : undefined,
    to: period?.[1] ? `${period[1].add(1, 'day').format('YYYY-MM-DD')}T00:00:00+08:00` : undefined,
  }), [state, category, warning, period]);
  const onDrill = useCallback((feature: GridFeature) => {
    setTrail((current) => {
      const next = drillInto(current.at(-1) ?? districtUnit, feature);
      return next ? [...current, next] : current;
    });
  }, [districtUnit]);
  const onLoaded = useCallback((answer: { total: number; capped: boolean } | null, failure?: unknown) => {
    setShown(answer);
    setError(failure ?? null);
  }, []);

  const levelName = (level: DrillUnit['level']) => t(`map.level.${level}`);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>{t('map.title')}</Typography.Title>
      {demo && <Alert type="info" showIcon title={t('map.synthetic')} />}
      {error ? <Alert type="error" showIcon title={errorText(error)} /> : null}
      <Card size="small">
        <Flex wrap gap={8} align="center">
          {!ownDistrict && (
            <Select
              aria-label={t('field.district')} showSearch optionFilterProp="label" style={{ minWidth: 140 }} value={districtCode ?? undefined} onChange={setPickedDistrict}
              options={(tree?.districts ?? []).map((d) => ({ value: d.code, label: english ? d.nameEn : d.name }))}
            />
          )}
          <Select
            aria-label={t('field.state')} style={{ minWidth: 140 }} value={state} onChange={setState}
            options={[{ value: OPEN, label: t('map.openStates') }, { value: '', label: t('map.allStates') }, ...CASE_STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))]}
          />
          <Select
            aria-label={t('field.category')} placeholder={t('field.category')} allowClear showSearch optionFilterProp="label" style={{ minWidth: 200 }}
            value={category} onChange={setCategory} loading={!categories}
            options={(categories ?? []).map((c) => ({ value: c.code, label: english ? c.nameEn : c.name }))}
          />
          <Select
            aria-label={t('map.warning')} placeholder={t('map.warning')} allowClear style={{ minWidth: 120 }} value={warning} onChange={setWarning}
            options={(['red', 'amber', 'none'] as const).map((level) => ({ value: level, label: t(`map.warningLevel.${level}`) }))}
          />
          <DatePicker.RangePicker aria-label={t('map.period')} value={period} onChange={(value) => setPeriod(value)} allowEmpty={[true, true]} />
          <Segmented
            value={heat ? 'heat' : 'points'} onChange={(value) => setHeat(value === 'heat')}
            options={[{ value: 'points', label: t('map.points') }, { value: 'heat', label: t('map.heat') }]}
          />
        </Flex>
      </Card>
      <Card
        size="small"
        title={(
          <Breadcrumb
            items={[districtUnit, ...trail].map((item, index, all) => ({
              key: `${item.level}-${item.code}`,
              title: index === all.length - 1
                ? <span>{levelName(item.level)}：{item.name}</span>
                : <a onClick={() => setTrail(trail.slice(0, index))}>{item.name}</a>,
            }))}
          />
        )}
        extra={shown ? <Typography.Text type="secondary">{t(shown.capped ? 'map.shownCapped' : 'map.shown', { count: shown.total })}</Typography.Text> : null}
      >
        {!grids && !error && <Spin />}
        {grids && grids.features.length === 0 && <Empty description={t('map.noGeometry')} />}
        {grids && grids.features.length > 0 && districtCode && (
          <CaseMap
            districtCode={districtCode} grids={grids} unit={unit} filters={filters} heat={heat}
            onDrill={onDrill} onOpenCase={setOpenId} onLoaded={onLoaded} ariaLabel={t('map.title')}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('map.hint')}</Typography.Paragraph>
      </Card>
      <CaseDrawer caseId={openId} districtCode={districtCode ?? undefined} onClose={() => setOpenId(null)} onChanged={() => setShown((s) => s)} />
    </Space>
  );
}
