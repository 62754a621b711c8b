/** Admin: import grid GeoJSON — check first (dry run), then import; every problem listed by feature index. */
import { Alert, Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../../api/client.ts';
import { useErrorText } from '../../ui/errors.ts';

interface ImportResult { features: number; inserted: number; updated: number; dryRun: boolean }
interface Problem { index: number | null; code?: string; problem: string; detail?: unknown }

function problemsOf(error: unknown): Problem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'GRID_IMPORT_INVALID') return null;
  return (error.details as { problems?: Problem[] } | undefined)?.problems ?? null;
}

export function GridImportAdmin() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [collection, setCollection] = useState<unknown>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const handleFile = async (file: File | undefined) => {
    setResult(null);
    setError(null);
    setCollection(null);
    if (!file) return;
    setFileName(file.name);
    try {
      setCollection(JSON.parse(await file.text()));
    } catch {
      setError(new Error(t('admin.gridBadJson')));
    }
  };

  const send = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      setResult(await apiPost<ImportResult>(`/api/v1/admin/grids/import${dryRun ? '?dryRun=true' : ''}`, collection));
    } catch (failure) {
      setResult(null);
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const problems = problemsOf(error);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph type="secondary">{t('admin.gridHint')}</Typography.Paragraph>
      <label>
        {t('admin.gridFile')}{' '}
        <input type="file" accept=".json,.geojson,application/geo+json,application/json" onChange={(event) => void handleFile(event.target.files?.[0])} />
      </label>
      {fileName && <Typography.Text type="secondary">{fileName}</Typography.Text>}
      <Space>
        <Button disabled={!collection || busy} aria-busy={busy} onClick={() => void send(true)}>{t('admin.gridCheck')}</Button>
        <Button type="primary" disabled={!result?.dryRun || busy} aria-busy={busy} onClick={() => void send(false)}>{t('admin.gridImport')}</Button>
      </Space>
      {result && (
        <Alert type="success" showIcon role="status"
          title={result.dryRun ? t('admin.gridChecked', { features: result.features }) : t('admin.gridImported', { features: result.features, inserted: result.inserted, updated: result.updated })} />
      )}
      {problems ? (
        <>
          <Alert type="error" showIcon role="alert" title={t('admin.gridProblems', { count: problems.length })} />
          <Table<Problem>
            rowKey={(row, i) => `${row.index ?? '-'}-${i}`}
            size="small"
            pagination={{ pageSize: 20 }}
            dataSource={problems}
            columns={[
              { title: t('admin.gridFeature'), dataIndex: 'index', render: (value: number | null) => value ?? '—' },
              { title: t('admin.code'), dataIndex: 'code' },
              {
                title: t('admin.gridProblem'),
                render: (_v, row) => (
                  <span>
                    {t(`admin.gridProblemNames.${row.problem}`, { defaultValue: row.problem })}
                    {typeof row.detail === 'string' ? <Typography.Text type="secondary"> — {row.detail}</Typography.Text> : null}
                  </span>
                ),
              },
            ]}
          />
        </>
      ) : error ? <Alert type="error" showIcon role="alert" title={errorText(error)} /> : null}
    </Space>
  );
}
