/**
 * The policy editor: the policy as JSON (rules and benefit as data, see docs/enterprises.md), a live
 * preview of which of the district's enterprises it matches and why, and save.
 */
import { Alert, App, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiPost } from '../../api/client.ts';
import { useErrorText } from '../../ui/errors.ts';
import { MatchTable, type MatchRow } from './match-table.tsx';

const TEMPLATE = {
  code: 'NEW-POLICY', title: '新政策', titleEn: 'New policy', issuer: '区工业和信息化局', documentNumber: '示例〔2026〕1号', mode: 'application', excludes: [],
  versions: [{
    version: 1, effectiveFrom: '2026-01-01', effectiveTo: null,
    eligibility: { type: 'all', rules: [{ type: 'industry', prefixes: ['C'] }, { type: 'fact', fact: 'employees', op: '>=', value: 100 }] },
    benefit: { formula: { type: 'fixed', amount: 10000 } },
  }],
};

export function PolicyEditor({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [text, setText] = useState(JSON.stringify(TEMPLATE, null, 2));
  const [rows, setRows] = useState<MatchRow[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const parsed = (): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      setProblem(t('policy.badJson'));
      return null;
    }
  };
  const run = async (save: boolean) => {
    const body = parsed();
    if (body === null) return;
    setProblem(null);
    try {
      if (save) {
        await apiPost('/api/v1/policies', body);
        void message.success(t('policy.saved'));
        onSaved();
      } else {
        setRows((await apiPost<{ items: MatchRow[] }>('/api/v1/policies/preview', body)).items);
      }
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input.TextArea aria-label={t('policy.json')} value={text} onChange={(event) => setText(event.target.value)} rows={16} style={{ fontFamily: 'monospace' }} />
      {problem ? <Alert type="error" showIcon title={problem} /> : null}
      <Space>
        <Button onClick={() => void run(false)}>{t('policy.preview')}</Button>
        <Button type="primary" onClick={() => void run(true)}>{t('policy.save')}</Button>
      </Space>
      {rows ? <MatchTable rows={rows} loading={false} /> : null}
    </Space>
  );
}
