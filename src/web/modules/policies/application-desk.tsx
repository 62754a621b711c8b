/**
 * 政策申报办理: the staff side of 申报 → 受理 → 审核 → 兑现. The district's applications by stage with their
 * enterprise, policy, amount and the 快申快享 deadline of the stage they wait for (red once past); an
 * application opens with its timeline and the buttons for exactly its allowedActions: 受理, 审核通过,
 * 驳回 (a reason required) and 兑现 (a payout reference required).
 */
import { App, Button, Descriptions, Drawer, Empty, Form, Input, Modal, Radio, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../api/types.ts';
import { apiGet, apiPost } from '../../api/client.ts';
import { isEnglish } from '../../i18n/setup.ts';
import { useShowError } from '../../ui/errors.ts';
import { formatTime, useNow } from '../case/index.ts';
import { useLoaded } from '../reference/index.ts';

export type ApplicationStage = 'submitted' | 'accepted' | 'approved' | 'rejected' | 'paid';
export type ApplicationAction = 'accept' | 'approve' | 'reject' | 'pay';

/** One row of `GET /api/v1/policy-applications` (the presenter's shape, the fields this page reads). */
export interface StaffApplicationView {
  caseId: number; number: string; caseVersion: number; status: ApplicationStage; policyId: number; policyCode: string;
  policyTitle: string; policyTitleEn: string; enterpriseId: number; enterpriseName: string; amount: number;
  submittedAt: string; acceptedAt: string | null; reviewedAt: string | null; paidAt: string | null;
  paymentReference: string | null; deadline: string | null; allowedActions: ApplicationAction[];
}

const STAGES: readonly ApplicationStage[] = ['submitted', 'accepted', 'approved', 'paid', 'rejected'];
const STATUS_COLORS: Record<ApplicationStage, string> = { submitted: 'gold', accepted: 'blue', approved: 'cyan', rejected: 'default', paid: 'green' };

function StageTag({ status }: { status: ApplicationStage }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]} data-status={status}>{t(`policyApplications.stage.${status}`)}</Tag>;
}

function DeadlineText({ deadline, now }: { deadline: string | null; now: number }) {
  const { t, i18n } = useTranslation();
  if (!deadline) return <Typography.Text type="secondary">—</Typography.Text>;
  const past = new Date(deadline).getTime() < now;
  const at = formatTime(deadline, isEnglish(i18n.language));
  return past
    ? <Typography.Text type="danger" data-overdue="true" title={t('policyApplications.overdue')}>{at} · {t('policyApplications.overdue')}</Typography.Text>
    : <Typography.Text data-overdue="false">{at}</Typography.Text>;
}

/** The step's form: a reason to reject, a payout reference to pay, an optional note otherwise. */
function StepModal({ item, action, onCancel, onDone }: { item: StaffApplicationView; action: ApplicationAction; onCancel(): void; onDone(updated: StaffApplicationView): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ note?: string; reference?: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    let values: { note?: string; reference?: string };
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setBusy(true);
    try {
      const body = {
        version: item.caseVersion,
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
        ...(action === 'pay' ? { reference: values.reference?.trim() } : {}),
      };
      const updated = await apiPost<StaffApplicationView>(`/api/v1/policy-applications/${item.caseId}/${action}`, body);
      void message.success(t(`policyApplications.done.${action}`));
      onDone(updated);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`${t(`policyApplications.action.${action}`)} · ${item.number}`} okText={t(`policyApplications.action.${action}`)} cancelText={t('policyApplications.cancel')}
      okButtonProps={{ danger: action === 'reject', loading: busy }} onOk={() => void submit()} onCancel={onCancel} destroyOnHidden>
      <Form form={form} layout="vertical">
        {action === 'pay' && (
          <Form.Item name="reference" label={t('policyApplications.reference')} rules={[{ required: true, whitespace: true, message: t('policyApplications.referenceRequired') }, { max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t(action === 'reject' ? 'policyApplications.reason' : 'policyApplications.note')}
          rules={action === 'reject' ? [{ required: true, whitespace: true, message: t('policyApplications.reasonRequired') }] : []}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One application: its facts, its buttons and its timeline (the case's events). */
function ApplicationDetail({ item, onChanged }: { item: StaffApplicationView; onChanged(updated: StaffApplicationView): void }) {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const now = useNow(30_000);
  const [action, setAction] = useState<ApplicationAction | null>(null);
  const detail = useLoaded(() => apiGet<{ timeline: TimelineEvent[] }>(`/api/v1/cases/${item.caseId}`), [item.caseId, item.caseVersion]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={t('policyApplications.number')}><Typography.Text copyable>{item.number}</Typography.Text></Descriptions.Item>
        <Descriptions.Item label={t('policyApplications.enterprise')}>{item.enterpriseName}</Descriptions.Item>
        <Descriptions.Item label={t('policyApplications.policy')}>{english ? item.policyTitleEn : item.policyTitle}</Descriptions.Item>
        <Descriptions.Item label={t('policyApplications.amount')}>{item.amount.toFixed(2)}</Descriptions.Item>
        <Descriptions.Item label={t('policyApplications.stageLabel')}><StageTag status={item.status} /></Descriptions.Item>
        <Descriptions.Item label={t('policyApplications.deadline')}><DeadlineText deadline={item.deadline} now={now} /></Descriptions.Item>
        <Descriptions.Item label={t('policyApplications.submittedAt')}>{formatTime(item.submittedAt, english)}</Descriptions.Item>
        {item.paymentReference && <Descriptions.Item label={t('policyApplications.reference')}>{item.paymentReference}</Descriptions.Item>}
      </Descriptions>
      <div>
        <Typography.Title level={5}>{t('policyApplications.actions')}</Typography.Title>
        {item.allowedActions.length === 0 ? <Typography.Text type="secondary">{t('policyApplications.noActions')}</Typography.Text> : (
          <Space wrap>
            {item.allowedActions.map((name) => (
              <Button key={name} type={name === 'reject' ? 'default' : 'primary'} danger={name === 'reject'} onClick={() => setAction(name)}>
                {t(`policyApplications.action.${name}`)}
              </Button>
            ))}
          </Space>
        )}
      </div>
      <div>
        <Typography.Title level={5}>{t('policyApplications.timeline')}</Typography.Title>
        {!detail ? null : detail.timeline.length === 0 ? <Empty /> : (
          <Timeline
            data-testid="application-timeline"
            items={detail.timeline.map((event) => ({
              key: event.id,
              content: (
                <div data-event={event.action}>
                  <Typography.Text strong>{t(`action.${event.action}`, { defaultValue: event.action })}</Typography.Text>
                  <div>
                    <Typography.Text type="secondary">
                      {formatTime(event.at, english)}
                      {event.actorRole ? ` · ${t(`role.${event.actorRole}`, { defaultValue: event.actorRole })}` : ''}
                    </Typography.Text>
                  </div>
                  {event.note && <div>{event.note}</div>}
                </div>
              ),
            }))}
          />
        )}
      </div>
      {action && <StepModal item={item} action={action} onCancel={() => setAction(null)} onDone={(updated) => { setAction(null); onChanged(updated); }} />}
    </Space>
  );
}

export function ApplicationDesk() {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const now = useNow(30_000);
  const [stage, setStage] = useState<ApplicationStage | 'all'>('all');
  const [tick, setTick] = useState(0);
  const [open, setOpen] = useState<StaffApplicationView | null>(null);
  const list = useLoaded(
    () => apiGet<{ items: StaffApplicationView[] }>('/api/v1/policy-applications', stage === 'all' ? {} : { state: stage }),
    [stage, tick],
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Radio.Group optionType="button" value={stage} onChange={(event) => setStage(event.target.value as ApplicationStage | 'all')}
        aria-label={t('policyApplications.stageLabel')}
        options={[{ value: 'all', label: t('policyApplications.all') }, ...STAGES.map((value) => ({ value, label: t(`policyApplications.stage.${value}`) }))]} />
      <Table
        rowKey="caseId"
        size="small"
        loading={!list}
        dataSource={list?.items ?? []}
        locale={{ emptyText: t('policyApplications.none') }}
        onRow={(row) => ({ onClick: () => setOpen(row), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('policyApplications.number'), dataIndex: 'number' },
          { title: t('policyApplications.enterprise'), dataIndex: 'enterpriseName' },
          { title: t('policyApplications.policy'), render: (_, row) => (english ? row.policyTitleEn : row.policyTitle) },
          { title: t('policyApplications.amount'), align: 'right', render: (_, row) => row.amount.toFixed(2) },
          { title: t('policyApplications.stageLabel'), render: (_, row) => <StageTag status={row.status} /> },
          { title: t('policyApplications.deadline'), render: (_, row) => <DeadlineText deadline={row.deadline} now={now} /> },
        ]}
      />
      <Drawer open={open !== null} onClose={() => setOpen(null)} size="large" destroyOnHidden title={open ? `${t('policyApplications.title')} · ${open.number}` : ''}>
        {open ? <ApplicationDetail item={open} onChanged={(updated) => { setOpen(updated); setTick((value) => value + 1); }} /> : null}
      </Drawer>
    </Space>
  );
}
