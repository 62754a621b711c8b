/** 导入项目清单: a project officer uploads an .xlsx in the export's columns; every bad row is listed, nothing half-imported. */
import { Alert, Button, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../../api/client.ts';
import { useErrorText } from '../../ui/errors.ts';

interface ImportProblem {
  row: number;
  field: string;
  code: string;
}

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export function ProjectImportButton({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ created: number } | { error: unknown } | null>(null);

  async function upload(file: File) {
    setBusy(true);
    try {
      const result = await apiPost<{ created: number }>('/api/v1/projects/import', { content: await toBase64(file) });
      setOutcome(result);
      onImported();
    } catch (error) {
      setOutcome({ error });
    } finally {
      setBusy(false);
    }
  }

  const problems = outcome && 'error' in outcome && outcome.error instanceof ApiError
    ? ((outcome.error.details as { problems?: ImportProblem[] } | undefined)?.problems ?? []) : [];
  return (
    <>
      <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => { void upload(file); return false; }}>
        <Button loading={busy}>{t('projects.import')}</Button>
      </Upload>
      {outcome && 'created' in outcome ? <Alert type="success" showIcon closable title={t('projects.imported', { count: outcome.created })} /> : null}
      {outcome && 'error' in outcome ? (
        <Alert type="error" showIcon closable title={errorText(outcome.error)}
          description={problems.length > 0 ? (
            <ul style={{ margin: 0 }}>
              {problems.map((problem) => (
                <li key={`${problem.row}-${problem.field}-${problem.code}`}>
                  {t('projects.importProblem', { row: problem.row, field: t(`projects.importField.${problem.field}`), problem: t(`projects.importCode.${problem.code}`) })}
                </li>
              ))}
            </ul>
          ) : null} />
      ) : null}
    </>
  );
}
