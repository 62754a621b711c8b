/** The filter bar shared by the workbench and the search page: keyword, category, source, priority, reporting dates, state, overdue. */
import { Button, Checkbox, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CASE_KINDS, CASE_PRIORITIES, CASE_SOURCES, CASE_STATES } from '../../../domain/case/case-model.ts';
import { CategorySelect } from '../reference/index.ts';
import { loadCategories, loadDepartments, loadOrgTree, orgNames, useLoaded } from '../reference/index.ts';
import { useSession } from '../session/index.ts';
import { isEnglish } from '../../i18n/setup.ts';
import { SavedFilters, type SavedFilterPage } from './saved-filters.tsx';

export interface FilterValues {
  q?: string;
  district?: string;
  street?: string;
  department?: number;
  category?: string;
  state?: string[];
  kind?: string;
  overdue?: boolean;
  source?: string[];
  priority?: string;
  /** Reporting days, both included. */
  reported?: [Dayjs | null, Dayjs | null] | null;
}

export interface CaseFiltersProps {
  withState?: boolean;
  onChange(values: FilterValues): void;
  extra?: React.ReactNode;
  /** The desk whose saved filters are offered (save, pick, delete); none without it. */
  savedPage?: SavedFilterPage;
}

export function CaseFilters({ withState, onChange, extra, savedPage }: CaseFiltersProps) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<FilterValues>();
  const categories = useLoaded(loadCategories);
  const english = isEnglish(i18n.language);
  const { user } = useSession();
  const tree = useLoaded(withState ? loadOrgTree : null, [withState]);
  const chosenDistrict = Form.useWatch('district', form) as string | undefined;
  const districtCode = chosenDistrict ?? orgNames(tree).districtCode(user?.districtId ?? null);
  const districts = tree?.districts ?? [];
  const streets = districts.find((d) => d.code === districtCode)?.streets ?? [];
  const departments = useLoaded(withState && districtCode ? () => loadDepartments(districtCode) : null, [withState, districtCode]);
  return (
    <Form form={form} layout="inline" onFinish={onChange} style={{ rowGap: 8 }}>
      <Form.Item name="q" label={t('field.keyword')}>
        <Input allowClear style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="category" label={t('field.category')}>
        <CategorySelect categories={categories} kinds={CASE_KINDS} />
      </Form.Item>
      <Form.Item name="source" label={t('field.source')}>
        <Select mode="multiple" allowClear style={{ minWidth: 150 }} options={CASE_SOURCES.map((value) => ({ value, label: t(`source.${value}`) }))} />
      </Form.Item>
      <Form.Item name="priority" label={t('field.priority')}>
        <Select allowClear style={{ width: 100 }} options={CASE_PRIORITIES.map((value) => ({ value, label: t(`priority.${value}`) }))} />
      </Form.Item>
      <Form.Item name="reported" label={t('field.reportedBetween')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 240 }} />
      </Form.Item>
      {withState && (
        <>
          {user?.role === 'admin' && (
            <Form.Item name="district" label={t('field.district')}>
              <Select allowClear style={{ width: 130 }} options={districts.map((d) => ({ value: d.code, label: english ? d.nameEn : d.name }))} />
            </Form.Item>
          )}
          <Form.Item name="street" label={t('field.street')}>
            <Select allowClear showSearch optionFilterProp="label" style={{ width: 150 }} options={streets.map((st) => ({ value: st.code, label: english ? (st.nameEn ?? st.name) : st.name }))} />
          </Form.Item>
          <Form.Item name="department" label={t('field.department')}>
            <Select allowClear showSearch optionFilterProp="label" style={{ width: 170 }} options={(departments ?? []).map((d) => ({ value: d.id, label: english ? (d.nameEn ?? d.name) : d.name }))} />
          </Form.Item>
          <Form.Item name="state" label={t('field.state')}>
            <Select mode="multiple" allowClear style={{ minWidth: 180 }} options={CASE_STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))} />
          </Form.Item>
          <Form.Item name="kind" label={t('field.kind')}>
            <Select allowClear style={{ width: 140 }} options={CASE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          </Form.Item>
        </>
      )}
      <Form.Item name="overdue" valuePropName="checked">
        <Checkbox>{t('field.overdue')}</Checkbox>
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">{t('common.search')}</Button>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('common.reset')}
        </Button>
        {extra}
        {savedPage && (
          <SavedFilters
            page={savedPage}
            current={() => toQuery(form.getFieldsValue())}
            onApply={(filter) => {
              const values = fromQuery(filter);
              form.resetFields();
              form.setFieldsValue(values);
              onChange(values);
            }}
          />
        )}
      </Space>
    </Form>
  );
}

/** Filter values as API query parameters. */
export function toQuery(values: FilterValues): Record<string, string | undefined> {
  return {
    q: values.q?.trim() || undefined,
    district: values.district || undefined,
    street: values.street || undefined,
    department: values.department ? String(values.department) : undefined,
    category: values.category || undefined,
    state: values.state?.length ? values.state.join(',') : undefined,
    kind: values.kind || undefined,
    overdue: values.overdue ? 'true' : undefined,
    source: values.source?.length ? values.source.join(',') : undefined,
    priority: values.priority || undefined,
    // the picked days in the browser's time zone: from the first midnight to the midnight after the last day
    from: values.reported?.[0]?.startOf('day').toISOString(),
    before: values.reported?.[1]?.startOf('day').add(1, 'day').toISOString(),
  };
}

/** A saved filter (the list's query as an object) back as the filter bar's values: the reverse of `toQuery`. */
export function fromQuery(query: Record<string, string | undefined>): FilterValues {
  const list = (value: string | undefined) => (value ? value.split(',') : undefined);
  const from = query.from ? dayjs(query.from) : null;
  const before = query.before ? dayjs(query.before).subtract(1, 'day') : null;
  return {
    q: query.q,
    district: query.district,
    street: query.street,
    department: query.department ? Number(query.department) : undefined,
    category: query.category,
    state: list(query.state),
    kind: query.kind,
    overdue: query.overdue === 'true' ? true : undefined,
    source: list(query.source),
    priority: query.priority,
    reported: from || before ? [from, before] : undefined,
  };
}
