/** Admin: the working calendar of a year (holidays and 调休 days), and setting one day. */
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CalendarDayBody } from '../../api/schemas.ts';
import { apiGet, apiPut } from '../../api/client.ts';
import { clearErrorsOnChange, compact, issuesToFields, useErrorText } from '../../ui/errors.ts';
import { CalendarNoticeAdmin } from './calendar-notice-admin.tsx';

interface CalendarDay { date: string; isWorkingDay: boolean; name: string | null; source: string; provisional: boolean }
interface CalendarYear { year: number; known: boolean; provisional: boolean; days: CalendarDay[] }

/** A weekday (Mon–Fri) that is off, or a weekend day that is worked: the days worth listing. */
function isSpecial(day: CalendarDay): boolean {
  const weekday = new Date(`${day.date}T00:00:00Z`).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  return day.isWorkingDay === weekend || day.source === 'admin' || (day.source === 'provisional' && day.name !== null);
}

export function CalendarAdmin() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [data, setData] = useState<CalendarYear | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const [provisionalYears, setProvisionalYears] = useState<number[]>([]);
  useEffect(() => {
    apiGet<{ calendar?: { provisionalYears: number[] } }>('/api/v1/health').then((health) => setProvisionalYears(health.calendar?.provisionalYears ?? []), () => undefined);
  }, [data]);

  const reload = useCallback(() => {
    apiGet<CalendarYear>('/api/v1/calendar', { year }).then(setData, setError);
  }, [year]);
  useEffect(reload, [reload]);

  const submit = async () => {
    setError(null);
    const values = form.getFieldsValue() as { date?: Dayjs; isWorkingDay?: boolean; name?: string };
    if (!values.date) {
      form.setFields([{ name: 'date', errors: [t('common.required')] }]);
      return;
    }
    const parsed = CalendarDayBody.safeParse(compact({ isWorkingDay: Boolean(values.isWorkingDay), name: values.name }));
    if (!parsed.success) {
      form.setFields(issuesToFields(parsed.error, t));
      return;
    }
    try {
      await apiPut(`/api/v1/admin/calendar/${values.date.format('YYYY-MM-DD')}`, parsed.data);
      void message.success(t('common.saved'));
      reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Typography.Text>{t('admin.year')}</Typography.Text>
        <InputNumber value={year} min={2000} max={2100} onChange={(value) => value && setYear(value)} aria-label={t('admin.year')} />
        {data && !data.known && <Tag color="red">{t('admin.yearUnknown')}</Tag>}
        {data?.provisional && <Tag color="gold" data-testid="year-provisional">{t('calendarYear.provisionalYear')}：{t('calendarYear.provisionalDeadline')}</Tag>}
      </Space>
      {provisionalYears.length > 0 && <Alert type="warning" showIcon title={t('calendarYear.provisionalYears', { years: provisionalYears.join('、') })} />}
      <Form form={form} layout="inline" onFinish={() => void submit()} onValuesChange={clearErrorsOnChange(form)} style={{ rowGap: 8 }}>
        <Form.Item name="date" label={t('admin.date')} required><DatePicker /></Form.Item>
        <Form.Item name="isWorkingDay" valuePropName="checked"><Checkbox>{t('admin.workingDay')}</Checkbox></Form.Item>
        <Form.Item name="name" label={t('admin.dayName')}><Input maxLength={40} style={{ width: 160 }} /></Form.Item>
        <Button type="primary" htmlType="submit">{t('common.submit')}</Button>
      </Form>
      {error ? <Alert type="error" showIcon role="alert" title={errorText(error)} /> : null}
      <Table<CalendarDay>
        rowKey="date"
        size="small"
        loading={!data}
        dataSource={(data?.days ?? []).filter(isSpecial)}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('admin.date'), dataIndex: 'date' },
          { title: t('admin.workingDay'), dataIndex: 'isWorkingDay', render: (working: boolean) => <Tag color={working ? 'blue' : 'green'}>{working ? t('admin.working') : t('admin.off')}</Tag> },
          { title: t('admin.dayName'), dataIndex: 'name', render: (name: string | null) => name ?? '—' },
          { title: t('admin.source'), dataIndex: 'source' },
        ]}
      />
      <CalendarNoticeAdmin onApplied={reload} />
    </Space>
  );
}
