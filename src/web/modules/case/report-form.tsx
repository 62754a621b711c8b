/**
 * Reporting a case (citizen or grid worker): category, description, where (grid, district or the
 * browser's location), optional contact. Validated with the shared CaseCreateBody (loaded on submit); on a server
 * error the form keeps everything typed.
 */
import { Alert, App, Button, Form, Input, Select, Space, Typography } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseKind } from '../../../domain/case/case-model.ts';
import { apiGet, apiPost } from '../../api/client.ts';
import type { CaseDetailView } from '../../api/types.ts';
import { isEnglish } from '../../i18n/setup.ts';
import { clearErrorsOnChange, compact, issuesToFields, useErrorText } from '../../ui/errors.ts';
import { CategorySelect } from '../reference/index.ts';
import { loadCategories, loadOrgTree, useLoaded } from '../reference/index.ts';
import { useGeolocation } from '../reference/index.ts';
import { DispatchSuggestions, useDispatchSuggestions } from '../dispatch/index.ts';
import { PinMap, type LatLngValue } from '../geo/index.ts';
import type { FollowAnswer } from './nearby-cases-hint.tsx';

// Loaded after the first render: the photo picker (antd's Upload) and the nearby-case hint (shown once a
// pin is placed) are not needed to show the form, and the citizen's phone loads the form first (docs/performance.md).
const PhotoPicker = lazy(() => import('./case-photos.tsx').then((m) => ({ default: m.PhotoPicker })));
const NearbyCasesHint = lazy(() => import('./nearby-cases-hint.tsx').then((m) => ({ default: m.NearbyCasesHint })));

export interface ReportFormProps {
  kinds: readonly CaseKind[];
  /** A fixed grid (the grid worker's, or a grid QR code's); otherwise the reporter picks a district. */
  gridCode?: string | undefined;
  gridLabel?: string | undefined;
  withContact: boolean;
  onReported(detail: CaseDetailView): void;
  /** The citizen's map pin: tap or drag, the address filled from the street and community there, and the "follow instead" hint. */
  withMapPin?: boolean;
  /** The reporter chose to follow a case found nearby instead of reporting it again. */
  onFollowed?(answer: FollowAnswer): void;
  /** Keep the report on the phone when there is no network and send it later (the grid worker's patrol). */
  queueOffline?: boolean;
  /** The report was kept on the phone, to be sent when the network returns. */
  onQueued?(): void;
}

interface PlaceAnswer { match: 'inside' | 'near' | 'none'; address: string | null }

export function ReportForm({ kinds, gridCode, gridLabel, withContact, onReported, withMapPin = false, onFollowed, queueOffline, onQueued }: ReportFormProps) {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const errorText = useErrorText();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const categories = useLoaded(loadCategories);
  const tree = useLoaded(gridCode ? null : loadOrgTree);
  const geo = useGeolocation();
  const { message } = App.useApp();
  const [photos, setPhotos] = useState<File[]>([]);
  const description = (Form.useWatch('description', form) as string | undefined) ?? '';
  const chosenDistrict = Form.useWatch('districtCode', form) as string | undefined;
  const chosenCategory = Form.useWatch('categoryCode', form) as string | undefined;
  // The pin: placed on the map, or where "use my location" found the phone (both WGS-84, ADR 0007).
  const [pin, setPin] = useState<LatLngValue | null>(null);
  const [place, setPlace] = useState<PlaceAnswer | null>(null);
  const autoAddress = useRef<string | null>(null);
  useEffect(() => {
    if (geo.position) setPin(geo.position);
  }, [geo.position]);
  useEffect(() => {
    if (!withMapPin || !pin) return;
    let alive = true;
    apiGet<PlaceAnswer>('/api/v1/geo/place', { lat: pin.lat, lng: pin.lng }).then((answer) => {
      if (!alive) return;
      setPlace(answer);
      // Fill the address unless the person typed their own.
      const typed = form.getFieldValue('address') as string | undefined;
      if (answer.address && (!typed || typed === autoAddress.current)) {
        form.setFieldValue('address', answer.address);
        autoAddress.current = answer.address;
      }
    }, () => alive && setPlace(null));
    return () => {
      alive = false;
    };
  }, [withMapPin, pin, form]);
  const location = withMapPin ? (pin ?? undefined) : (geo.position ?? undefined);
  const suggestions = useDispatchSuggestions({
    text: description, districtCode: gridCode ? gridCode.slice(0, 6) : chosenDistrict, location,
  });

  // The patrol submits without network too: its schemas are fetched while there is one.
  useEffect(() => {
    if (queueOffline) void import('../../api/schemas.ts');
  }, [queueOffline]);

  const submit = async () => {
    setError(null);
    const values = form.getFieldsValue() as Record<string, unknown> & { reporter?: Record<string, unknown> };
    const category = categories?.find((c) => c.code === values.categoryCode);
    const reporter = values.reporter ? compact(values.reporter) : {};
    const body = compact({
      kind: category?.kind ?? kinds[0],
      categoryCode: values.categoryCode,
      description: values.description,
      address: values.address,
      districtCode: gridCode ? undefined : values.districtCode,
      gridCode,
      location,
      reporter: Object.keys(reporter).length ? reporter : undefined,
    });
    // zod and the schemas load on the first submit, not before the page renders (docs/performance.md).
    const { CaseCreateBody } = await import('../../api/schemas.ts');
    const parsed = CaseCreateBody.safeParse(body);
    if (!parsed.success) {
      form.setFields(issuesToFields(parsed.error, t));
      return;
    }
    setBusy(true);
    try {
      if (queueOffline) {
        // Photos travel with the queued report; the queue sends them once the case exists. Loaded on
        // use: only the grid worker's patrol queues, and the citizen's page stays lighter without it.
        const { sendOrQueueReport } = await import('./offline-queue.ts');
        const sent = await sendOrQueueReport(parsed.data, photos);
        form.resetFields();
        setPhotos([]);
        if (sent === 'queued') onQueued?.();
        else onReported(sent);
        return;
      }
      const detail = await apiPost<CaseDetailView>('/api/v1/cases', parsed.data);
      try {
        const { uploadPhotos } = await import('./case-photos.tsx');
        await uploadPhotos(detail.number, 'report', photos, detail.trackingCode ?? undefined);
      } catch (failure) {
        // The case exists; say so rather than lose it over a photo.
        void message.warning(t('photo.uploadFailed', { message: errorText(failure) }), 8);
      }
      form.resetFields();
      setPhotos([]);
      setPin(null);
      setPlace(null);
      onReported(detail);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={() => void submit()} onValuesChange={clearErrorsOnChange(form)} size="large" scrollToFirstError>
      <Form.Item name="categoryCode" label={t('field.category')} required rules={[{ required: true, message: t('citizen.requiredCategory') }]}>
        <CategorySelect categories={categories} kinds={kinds} size="large" />
      </Form.Item>
      <Form.Item name="description" label={t('field.description')} required rules={[{ required: true, whitespace: true, message: t('citizen.requiredDescription') }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <DispatchSuggestions
        answer={suggestions}
        kinds={kinds}
        showDepartment={false}
        onPick={(suggestion) => form.setFieldValue('categoryCode', suggestion.categoryCode)}
      />
      {gridCode ? (
        <Form.Item label={t('field.grid')}>
          <Typography.Text>{gridLabel ?? gridCode}</Typography.Text>
        </Form.Item>
      ) : (
        <Form.Item
          name="districtCode" label={t('citizen.whereLabel')} required={!location}
          rules={[{ required: !location, message: t('citizen.requiredWhere') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            placeholder={t('common.select')}
            options={(tree?.districts ?? []).map((d) => ({ value: d.code, label: english ? d.nameEn : d.name }))}
          />
        </Form.Item>
      )}
      <Form.Item name="address" label={t('field.address')}>
        <Input maxLength={200} />
      </Form.Item>
      {withMapPin && (
        <Form.Item label={t('citizen.pinLabel')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <PinMap value={pin} onChange={setPin} ariaLabel={t('citizen.pinMap')} />
            <Button icon={<AimOutlined />} onClick={geo.locate} loading={geo.busy} block>{t('grid.locate')}</Button>
            {pin && (
              <Typography.Text type={place?.match === 'none' ? 'warning' : 'success'} data-testid="pin-place">
                {place?.match === 'none' ? t('citizen.pinOutside') : t('citizen.pinPlaced', { place: place?.address ?? '…' })}
              </Typography.Text>
            )}
            {geo.failed && <Typography.Text type="warning">{t('grid.locateFailed')}</Typography.Text>}
          </Space>
        </Form.Item>
      )}
      {withMapPin && pin && chosenCategory && (
        <Suspense fallback={null}><NearbyCasesHint location={pin} categoryCode={chosenCategory} onFollowed={(answer) => onFollowed?.(answer)} /></Suspense>
      )}
      {!withMapPin && <Form.Item label={t('field.location')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Button icon={<AimOutlined />} onClick={geo.locate} loading={geo.busy} block>
            {t('grid.locate')}
          </Button>
          {geo.position && <Typography.Text type="success">{t('grid.located', { latitude: geo.position.lat, longitude: geo.position.lng })}</Typography.Text>}
          {geo.failed && <Typography.Text type="warning">{t('grid.locateFailed')}</Typography.Text>}
        </Space>
      </Form.Item>}
      <Form.Item label={t('field.photo')}>
        <Suspense fallback={null}><PhotoPicker files={photos} onChange={setPhotos} /></Suspense>
      </Form.Item>
      {withContact && (
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <Form.Item name={['reporter', 'name']} label={t('field.name')} style={{ flex: 1, minWidth: 140 }}>
            <Input maxLength={50} autoComplete="name" />
          </Form.Item>
          <Form.Item name={['reporter', 'phone']} label={t('field.phone')} style={{ flex: 1, minWidth: 140 }}>
            <Input maxLength={20} autoComplete="tel" inputMode="tel" />
          </Form.Item>
        </div>
      )}
      {error ? <Alert type="error" showIcon title={errorText(error)} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Button type="primary" htmlType="submit" block size="large" disabled={busy} aria-busy={busy} style={{ height: 52 }}>
        {t('action.report')}
      </Button>
    </Form>
  );
}
