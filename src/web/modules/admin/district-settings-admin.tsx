/** Admin: a district's settings in force and pending, and a change (from the next period). */
import { Alert, App, Button, Descriptions, Input, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, apiPut } from '../../api/client.ts';
import { useErrorText } from '../../ui/errors.ts';

interface SettingsView {
  district: string;
  period: string;
  nextPeriod: string;
  inForce: Record<string, unknown>;
  fromNextPeriod: Record<string, unknown>;
  pending: Array<{ appliesFrom: string; values: Record<string, unknown> }>;
}

export function DistrictSettingsAdmin() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [code, setCode] = useState('220106');
  const [view, setView] = useState<SettingsView | null>(null);
  const [patch, setPatch] = useState('{\n  "rectificationDays": 5\n}');
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    setError(null);
    apiGet<SettingsView>(`/api/v1/admin/districts/${code}/settings`).then(setView, setError);
  }, [code]);
  useEffect(load, [load]);

  const save = async () => {
    let body: unknown;
    try {
      body = JSON.parse(patch);
    } catch {
      setError(new Error(t('districtSettings.badJson')));
      return;
    }
    try {
      const saved = await apiPut<SettingsView & { appliesFrom: string }>(`/api/v1/admin/districts/${code}/settings`, body);
      void message.success(t('districtSettings.saved', { period: saved.appliesFrom }));
      setView(saved);
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Text>{t('districtSettings.district')}</Typography.Text>
        <Input value={code} onChange={(event) => setCode(event.target.value.trim())} style={{ width: 120 }} aria-label={t('districtSettings.district')} />
        <Button onClick={load}>{t('districtSettings.load')}</Button>
      </Space>
      <Typography.Text type="secondary">{t('districtSettings.hint')}</Typography.Text>
      {view && (
        <Descriptions bordered size="small" column={1}>
          <Descriptions.Item label={t('districtSettings.inForce', { period: view.period })}><pre>{JSON.stringify(view.inForce, null, 2)}</pre></Descriptions.Item>
          {view.pending.map((change) => (
            <Descriptions.Item key={change.appliesFrom} label={t('districtSettings.pending', { period: change.appliesFrom })}><pre>{JSON.stringify(change.values, null, 2)}</pre></Descriptions.Item>
          ))}
        </Descriptions>
      )}
      <Typography.Text>{t('districtSettings.patch')}</Typography.Text>
      <Input.TextArea rows={6} value={patch} onChange={(event) => setPatch(event.target.value)} aria-label={t('districtSettings.patch')} />
      <Button type="primary" onClick={() => void save()}>{t('districtSettings.save')}</Button>
      {error ? <Alert type="error" showIcon role="alert" title={error instanceof Error && !('code' in error) ? error.message : errorText(error)} /> : null}
    </Space>
  );
}
