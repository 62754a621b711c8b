/**
 * 来电登记 — the operator registers a hotline call on the workbench. Typing the caller's phone shows the
 * caller's open and earlier cases; the place is searched over streets, communities and grids; the category is
 * suggested from the text (POST /api/v1/dispatch/suggest); likely duplicates (GET /api/v1/cases/intake-hints)
 * are shown before saving, each with one click to merge the call into it or let the caller follow it. Saved,
 * the new case opens in the workbench's drawer for 立案 and 派遣 (the routed department preselected).
 */
import { Alert, App, Button, Drawer, Form, Input, List, Radio, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseCreateBody } from '../../api/schemas.ts';
import { PHONE_PATTERN } from '../../../shared/text-rules.ts';
import { REPORTABLE_KINDS } from '../../../domain/case/case-access.ts';
import type { IntakeHintsView } from '../../../shared/case-views.ts';
import { apiGet, apiPost } from '../../api/client.ts';
import type { CaseDetailView, CaseView, OrgTree } from '../../api/types.ts';
import { isEnglish } from '../../i18n/setup.ts';
import { clearErrorsOnChange, compact, issuesToFields, useErrorText } from '../../ui/errors.ts';
import { CategorySelect, loadCategories, loadOrgTree, useLoaded } from '../reference/index.ts';
import { DispatchSuggestions, useDispatchSuggestions } from '../dispatch/index.ts';
import { StateTag } from './state-tag.tsx';
import { formatTime } from './case-format.ts';

const KINDS = REPORTABLE_KINDS.operator;

export interface CallIntakeProps {
  open: boolean;
  districtCode: string | undefined;
  onClose(): void;
  /** A case was saved (registered, or registered and merged): the workbench opens it. */
  onSaved(detail: CaseDetailView): void;
  /** Open one of the caller's cases or a duplicate in the workbench's drawer. */
  onOpenCase(id: number): void;
}

interface GridOption { value: string; label: string; address: string }

/** Every grid of the district as "street / community / grid", searchable by any of the three. */
function gridOptions(tree: OrgTree | undefined, districtCode: string | undefined, english: boolean): GridOption[] {
  const district = tree?.districts.find((d) => d.code === districtCode) ?? tree?.districts[0];
  if (!district) return [];
  return district.streets.flatMap((street) => street.communities.flatMap((community) => community.grids.map((grid) => {
    const streetName = english ? (street.nameEn ?? street.name) : street.name;
    return { value: grid.code, label: `${streetName} / ${community.name} / ${grid.name}`, address: `${street.name}${community.name}` };
  })));
}

export function CallIntake({ open, districtCode, onClose, onSaved, onOpenCase }: CallIntakeProps) {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const errorText = useErrorText();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm();
  const categories = useLoaded(open ? loadCategories : null, [open]);
  const tree = useLoaded(open ? loadOrgTree : null, [open]);
  const grids = useMemo(() => gridOptions(tree, districtCode, english), [tree, districtCode, english]);
  const phone = ((Form.useWatch('phone', form) as string | undefined) ?? '').trim();
  const description = (Form.useWatch('description', form) as string | undefined) ?? '';
  const categoryCode = Form.useWatch('categoryCode', form) as string | undefined;
  const gridCode = Form.useWatch('gridCode', form) as string | undefined;
  const [hints, setHints] = useState<IntakeHintsView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const suggestions = useDispatchSuggestions({ text: open ? description : '', districtCode });

  const lookupPhone = phone.replace(/[^0-9]/g, '').length >= 7 && PHONE_PATTERN.test(phone) ? phone : undefined;
  useEffect(() => {
    if (!open || (!lookupPhone && !categoryCode)) {
      setHints(null);
      return;
    }
    let alive = true;
    apiGet<IntakeHintsView>('/api/v1/cases/intake-hints', compact({ phone: lookupPhone, category: categoryCode, grid: gridCode })).then(
      (answer) => alive && setHints(answer),
      // The hints help; without them the call is still registered.
      () => alive && setHints(null),
    );
    return () => {
      alive = false;
    };
  }, [open, lookupPhone, categoryCode, gridCode]);

  const reset = () => {
    form.resetFields();
    setHints(null);
    setError(null);
  };

  /** The form as a report body, checked with the server's schema; null (fields marked) when it is not valid. */
  const body = (): CaseCreateBody | null => {
    const values = form.getFieldsValue() as Record<string, string | undefined>;
    const category = categories?.find((c) => c.code === values.categoryCode);
    const reporter = compact({ name: values.name, phone: values.phone?.trim() });
    const parsed = CaseCreateBody.safeParse(compact({
      kind: category?.kind ?? KINDS[0],
      source: 'hotline',
      categoryCode: values.categoryCode,
      description: values.description,
      priority: values.priority,
      gridCode: values.gridCode,
      districtCode: values.gridCode ? undefined : districtCode,
      address: values.address,
      reporter: Object.keys(reporter).length ? reporter : undefined,
    }));
    if (!parsed.success) {
      form.setFields(issuesToFields(parsed.error, t).map((f) => (f.name[0] === 'reporter' ? { ...f, name: [String(f.name[1])] } : f)));
      return null;
    }
    return parsed.data;
  };

  const run = async (key: string, work: () => Promise<void>) => {
    setError(null);
    setBusy(key);
    try {
      await work();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };

  const register = () => {
    const report = body();
    if (!report) return;
    void run('register', async () => {
      const detail = await apiPost<CaseDetailView>('/api/v1/cases', report);
      void message.success(t('intake.registered', { number: detail.number }));
      reset();
      onSaved(detail);
    });
  };

  const mergeInto = (target: CaseView) => {
    const report = body();
    if (!report) return;
    void run(`merge:${target.id}`, async () => {
      const detail = await apiPost<CaseDetailView>('/api/v1/cases', report);
      const merged = await apiPost<CaseDetailView>(`/api/v1/cases/${detail.id}/actions/merge`, { version: detail.version, intoCaseId: target.id });
      void message.success(t('intake.merged', { number: detail.number, into: target.number }));
      reset();
      onSaved(merged);
    });
  };

  const followForCaller = (target: CaseView) => {
    void run(`follow:${target.id}`, async () => {
      const answer = await apiPost<{ number: string; trackingCode: string | null }>(`/api/v1/cases/${target.id}/follow`, { forCaller: true });
      reset();
      modal.success({
        title: t('intake.followedTitle'),
        content: (
          <Space orientation="vertical">
            <Typography.Text>{t('intake.followedBody')}</Typography.Text>
            <Typography.Text>{t('citizen.numberLabel')}{t('common.colon')}<Typography.Text strong copyable data-testid="followed-number">{answer.number}</Typography.Text></Typography.Text>
            <Typography.Text>{t('citizen.codeLabel')}{t('common.colon')}<Typography.Text strong copyable data-testid="followed-code">{answer.trackingCode}</Typography.Text></Typography.Text>
          </Space>
        ),
      });
    });
  };

  const caseLine = (item: CaseView) => (
    <Space wrap size={4}>
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpenCase(item.id)}>{item.number}</Button>
      <StateTag state={item.state} />
      <Typography.Text>{english ? (item.categoryNameEn ?? item.categoryName) : item.categoryName}</Typography.Text>
      <Typography.Text type="secondary">{formatTime(item.createdAt, english)}</Typography.Text>
    </Space>
  );
  const caller = hints?.caller;
  const duplicates = hints?.duplicates ?? [];

  return (
    <Drawer open={open} onClose={onClose} size={720} title={t('intake.title')} destroyOnHidden>
      <Form form={form} layout="vertical" onValuesChange={clearErrorsOnChange(form)} initialValues={{ priority: 'normal' }} onFinish={register}>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <Form.Item name="phone" label={t('intake.phone')} style={{ flex: 1, minWidth: 180 }}>
            <Input maxLength={20} inputMode="tel" autoFocus />
          </Form.Item>
          <Form.Item name="name" label={t('intake.callerName')} style={{ flex: 1, minWidth: 140 }}>
            <Input maxLength={50} />
          </Form.Item>
        </div>
        {caller && lookupPhone ? (
          <Alert
            type={caller.open.length ? 'info' : 'success'}
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="caller-cases"
            title={caller.total ? t('intake.callerCases', { count: caller.total, open: caller.open.length }) : t('intake.callerNew')}
            description={caller.total ? (
              <List
                size="small"
                dataSource={[...caller.open, ...caller.earlier]}
                renderItem={(item) => <List.Item style={{ padding: '2px 0' }}>{caseLine(item)}</List.Item>}
              />
            ) : undefined}
          />
        ) : null}
        <Form.Item name="description" label={t('field.description')} required rules={[{ required: true, whitespace: true, message: t('citizen.requiredDescription') }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <DispatchSuggestions answer={suggestions} kinds={KINDS} onPick={(suggestion) => form.setFieldValue('categoryCode', suggestion.categoryCode)} />
        <Form.Item name="categoryCode" label={t('field.category')} required rules={[{ required: true, message: t('citizen.requiredCategory') }]}>
          <CategorySelect categories={categories} kinds={KINDS} />
        </Form.Item>
        <Form.Item name="gridCode" label={t('intake.place')} extra={t('intake.placeHint')}>
          <Select
            showSearch
            allowClear
            optionFilterProp="label"
            placeholder={t('intake.placeSearch')}
            options={grids}
            onChange={(value: string | undefined) => {
              const picked = grids.find((g) => g.value === value);
              if (picked && !form.getFieldValue('address')) form.setFieldValue('address', picked.address);
            }}
          />
        </Form.Item>
        <Form.Item name="address" label={t('field.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="priority" label={t('field.priority')}>
          <Radio.Group options={(['normal', 'urgent'] as const).map((p) => ({ value: p, label: t(`priority.${p}`) }))} />
        </Form.Item>
        {duplicates.length ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="intake-duplicates"
            title={t('intake.duplicatesTitle', { count: duplicates.length })}
            description={(
              <List
                size="small"
                dataSource={duplicates}
                renderItem={(item) => (
                  <List.Item
                    actions={[
                      <Button key="merge" size="small" loading={busy === `merge:${item.id}`} disabled={busy !== null} onClick={() => mergeInto(item)}>
                        {t('intake.mergeInto')}
                      </Button>,
                      <Button key="follow" size="small" loading={busy === `follow:${item.id}`} disabled={busy !== null} onClick={() => followForCaller(item)}>
                        {t('intake.follow')}
                      </Button>,
                    ]}
                  >
                    <Space orientation="vertical" size={0}>
                      {caseLine(item)}
                      <Space size={4} wrap>
                        {item.sameCaller ? <Tag color="red">{t('intake.sameCaller')}</Tag> : null}
                        {item.sameGrid ? <Tag>{t('intake.sameGrid')}</Tag> : null}
                        <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360 }}>{item.description}</Typography.Text>
                      </Space>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          />
        ) : null}
        {error ? <Alert type="error" showIcon title={errorText(error)} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy === 'register'} disabled={busy !== null}>{t('intake.register')}</Button>
          <Button onClick={reset} disabled={busy !== null}>{t('common.reset')}</Button>
        </Space>
      </Form>
    </Drawer>
  );
}
