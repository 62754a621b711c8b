/**
 * Admin: the project lifecycle as data — stage names, and per stage its nodes (names zh/en, required,
 * duration, order), nodes added and removed. The server refuses an edit that would break a project's history
 * and says why, node by node (docs/projects.md).
 */
import { Alert, App, Button, Card, Input, InputNumber, Space, Switch, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiGet, apiPut } from '../../api/client.ts';
import { useErrorText } from '../../ui/errors.ts';

interface LifecycleNode { code: string; name: string; nameEn: string; required: boolean; durationDays: number; provisional?: boolean }
interface LifecycleStage { code: string; name: string; nameEn: string; nodes: LifecycleNode[] }
interface EditProblem { code: string; node?: string; projects?: number }

export function LifecycleAdmin() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [stages, setStages] = useState<LifecycleStage[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});

  const load = useCallback(() => {
    apiGet<{ stages: LifecycleStage[] }>('/api/v1/projects/lifecycle').then((body) => { setStages(body.stages); setError(null); }, setError);
  }, []);
  useEffect(load, [load]);

  const change = (stageIndex: number, update: (stage: LifecycleStage) => LifecycleStage) =>
    setStages((current) => current && current.map((stage, index) => (index === stageIndex ? update(stage) : stage)));
  const changeNode = (stageIndex: number, nodeIndex: number, values: Partial<LifecycleNode>) =>
    change(stageIndex, (stage) => ({ ...stage, nodes: stage.nodes.map((node, index) => (index === nodeIndex ? { ...node, ...values } : node)) }));
  const move = (stageIndex: number, nodeIndex: number, by: number) => change(stageIndex, (stage) => {
    const nodes = [...stage.nodes];
    const target = nodeIndex + by;
    if (target < 0 || target >= nodes.length) return stage;
    [nodes[nodeIndex], nodes[target]] = [nodes[target]!, nodes[nodeIndex]!];
    return { ...stage, nodes };
  });

  const save = async () => {
    try {
      const saved = await apiPut<{ stages: LifecycleStage[] }>('/api/v1/projects/lifecycle', { stages });
      setStages(saved.stages);
      setError(null);
      void message.success(t('lifecycleAdmin.saved'));
    } catch (failure) {
      setError(failure);
    }
  };

  const problems = error instanceof ApiError ? ((error.details as { problems?: EditProblem[] } | undefined)?.problems ?? []) : [];
  if (!stages) return error ? <Alert type="error" showIcon title={errorText(error)} /> : null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('lifecycleAdmin.hint')}</Typography.Text>
      {stages.map((stage, stageIndex) => (
        <Card key={stage.code} size="small" title={
          <Space>
            <Input value={stage.name} aria-label={`${t('lifecycleAdmin.stageName')} ${stage.code}`} onChange={(event) => change(stageIndex, (s) => ({ ...s, name: event.target.value }))} />
            <Input value={stage.nameEn} aria-label={`${t('lifecycleAdmin.stageNameEn')} ${stage.code}`} onChange={(event) => change(stageIndex, (s) => ({ ...s, nameEn: event.target.value }))} />
          </Space>
        }>
          <Table<LifecycleNode> rowKey="code" size="small" pagination={false} dataSource={stage.nodes}
            columns={[
              { title: t('lifecycleAdmin.code'), dataIndex: 'code' },
              { title: t('lifecycleAdmin.name'), render: (_v, node, index) => <Input value={node.name} aria-label={`${t('lifecycleAdmin.name')} ${node.code}`} onChange={(event) => changeNode(stageIndex, index, { name: event.target.value })} /> },
              { title: t('lifecycleAdmin.nameEn'), render: (_v, node, index) => <Input value={node.nameEn} aria-label={`${t('lifecycleAdmin.nameEn')} ${node.code}`} onChange={(event) => changeNode(stageIndex, index, { nameEn: event.target.value })} /> },
              { title: t('lifecycleAdmin.required'), render: (_v, node, index) => <Switch checked={node.required} aria-label={`${t('lifecycleAdmin.required')} ${node.code}`} onChange={(required) => changeNode(stageIndex, index, { required })} /> },
              { title: t('lifecycleAdmin.duration'), render: (_v, node, index) => <InputNumber min={0} max={3650} value={node.durationDays} aria-label={`${t('lifecycleAdmin.duration')} ${node.code}`} onChange={(value) => changeNode(stageIndex, index, { durationDays: Number(value ?? 0) })} /> },
              { title: t('lifecycleAdmin.order'), render: (_v, node, index) => (
                <Space>
                  <Button size="small" aria-label={`${t('lifecycleAdmin.up')} ${node.code}`} onClick={() => move(stageIndex, index, -1)}>↑</Button>
                  <Button size="small" aria-label={`${t('lifecycleAdmin.down')} ${node.code}`} onClick={() => move(stageIndex, index, 1)}>↓</Button>
                  <Button size="small" danger aria-label={`${t('lifecycleAdmin.remove')} ${node.code}`} onClick={() => change(stageIndex, (s) => ({ ...s, nodes: s.nodes.filter((item) => item.code !== node.code) }))}>{t('lifecycleAdmin.remove')}</Button>
                </Space>
              ) },
            ]} />
          <Space style={{ marginTop: 8 }}>
            <Input placeholder={t('lifecycleAdmin.newCode')} aria-label={`${t('lifecycleAdmin.newCode')} ${stage.code}`} value={draft[`${stage.code}:code`] ?? ''} onChange={(event) => setDraft({ ...draft, [`${stage.code}:code`]: event.target.value.trim() })} />
            <Input placeholder={t('lifecycleAdmin.name')} aria-label={`${t('lifecycleAdmin.newName')} ${stage.code}`} value={draft[`${stage.code}:name`] ?? ''} onChange={(event) => setDraft({ ...draft, [`${stage.code}:name`]: event.target.value })} />
            <Input placeholder={t('lifecycleAdmin.nameEn')} aria-label={`${t('lifecycleAdmin.newNameEn')} ${stage.code}`} value={draft[`${stage.code}:nameEn`] ?? ''} onChange={(event) => setDraft({ ...draft, [`${stage.code}:nameEn`]: event.target.value })} />
            <Button onClick={() => {
              const code = draft[`${stage.code}:code`] ?? '';
              if (!code) return;
              change(stageIndex, (s) => ({ ...s, nodes: [...s.nodes, { code, name: draft[`${stage.code}:name`] || code, nameEn: draft[`${stage.code}:nameEn`] || code, required: false, durationDays: 10 }] }));
              setDraft({});
            }}>{t('lifecycleAdmin.add')}</Button>
          </Space>
        </Card>
      ))}
      <Space>
        <Button type="primary" onClick={() => void save()}>{t('lifecycleAdmin.save')}</Button>
        <Button onClick={load}>{t('lifecycleAdmin.reload')}</Button>
      </Space>
      {error ? (
        <Alert type="error" showIcon role="alert" title={errorText(error)}
          description={problems.length > 0 ? <ul>{problems.map((problem, index) => <li key={index}>{t(`lifecycleAdmin.problem.${problem.code}`, { node: problem.node ?? '', projects: problem.projects ?? 0 })}</li>)}</ul> : undefined} />
      ) : null}
    </Space>
  );
}
