/** A case's facts, its timeline and the buttons for exactly its allowedActions. */
import { Button, Descriptions, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseAction } from '../../../domain/case/case-model.ts';
import type { CaseDetailView } from '../../api/types.ts';
import { isEnglish } from '../../i18n/setup.ts';
import { ActionModal } from './action-modal.tsx';
import { categoryLabel, departmentLabel, formatTime } from './case-format.ts';
import { DeadlineBadge, useNow } from './deadline-badge.tsx';
import { StateTag } from './state-tag.tsx';
import { CasePhotos } from './case-photos.tsx';
import { Open311Submission } from '../open311/index.ts';
import { CaseLocationMap } from '../geo/index.ts';

export interface CaseDetailProps {
  item: CaseDetailView;
  districtCode?: string | undefined;
  trackingCode?: string | undefined;
  /** Limit the buttons (e.g. the citizen page shows only rate). */
  only?: readonly CaseAction[];
  compact?: boolean;
  onChanged(updated: CaseDetailView): void;
}

const DANGER: readonly CaseAction[] = ['decline', 'return', 'check_fail', 'reject_extension', 'reject_suspension'];

export function CaseDetail({ item, districtCode, trackingCode, only, compact, onChanged }: CaseDetailProps) {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const now = useNow(1000);
  const [action, setAction] = useState<CaseAction | null>(null);
  const actions = item.allowedActions.filter((a) => !only || only.includes(a));
  const pending = item.pendingRequest;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={compact ? 1 : 2}>
        <Descriptions.Item label={t('field.number')}>
          <Typography.Text copyable data-testid="case-number">{item.number}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('field.state')}>
          <Space wrap>
            <StateTag state={item.state} />
            {item.priority === 'urgent' && <Tag color="red">{t('priority.urgent')}</Tag>}
            {(item.state === 'dispatched' || item.state === 'signed') && <DeadlineBadge item={item} now={now} />}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('field.kind')}>{t(`kind.${item.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('field.category')}>{categoryLabel(item, english)}</Descriptions.Item>
        {item.title && <Descriptions.Item label={t('field.title')} span={compact ? 1 : 2}>{item.title}</Descriptions.Item>}
        <Descriptions.Item label={t('field.description')} span={compact ? 1 : 2}>{item.description}</Descriptions.Item>
        <Descriptions.Item label={t('field.address')}>{item.address ?? item.streetName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('field.grid')}>{item.gridCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('field.department')}>{departmentLabel(item, english)}</Descriptions.Item>
        <Descriptions.Item label={t('field.createdAt')}>{formatTime(item.createdAt, english)}</Descriptions.Item>
        {item.reporter && (item.reporter.name || item.reporter.phone) && (
          <Descriptions.Item label={t('field.reporter')}>{[item.reporter.name, item.reporter.phone].filter(Boolean).join(' · ')}</Descriptions.Item>
        )}
        {item.rating && <Descriptions.Item label={t('field.level')}>{t(`rating.${item.rating.level}`)}</Descriptions.Item>}
      </Descriptions>

      {item.location && !trackingCode && (
        <CaseLocationMap lat={item.location.lat} lng={item.location.lng} districtCode={districtCode} ariaLabel={t('map.caseLocation')} />
      )}

      <CasePhotos caseId={item.id} trackingCode={trackingCode} version={item.version} />

      {item.source === 'open311' && !trackingCode && <Open311Submission caseId={item.id} />}

      {pending && (
        <Tag color="gold">
          {pending.type === 'extension'
            ? t('workbench.pendingExtension', { until: formatTime(pending.until, english) })
            : t('workbench.pendingSuspension')}
          {' · '}
          {pending.reason}
        </Tag>
      )}

      <div>
        <Typography.Title level={5}>{t('common.actions')}</Typography.Title>
        {actions.length === 0 ? (
          <Typography.Text type="secondary">{t('common.noActions')}</Typography.Text>
        ) : (
          <Space wrap>
            {actions.map((name) => (
              <Button
                key={name}
                type={DANGER.includes(name) ? 'default' : 'primary'}
                danger={DANGER.includes(name)}
                size={compact ? 'large' : 'middle'}
                onClick={() => setAction(name)}
              >
                {t(`action.${name}`)}
              </Button>
            ))}
          </Space>
        )}
      </div>

      <div>
        <Typography.Title level={5}>{t('common.timeline')}</Typography.Title>
        {item.timeline.length === 0 ? (
          <Empty description={t('common.empty')} />
        ) : (
          <Timeline
            items={item.timeline.map((event) => ({
              key: event.id,
              content: (
                <div>
                  <Typography.Text strong>{t(`action.${event.action}`, { defaultValue: event.action })}</Typography.Text>
                  {event.toState && event.fromState !== event.toState && (
                    <Typography.Text type="secondary"> → {t(`state.${event.toState}`, { defaultValue: event.toState })}</Typography.Text>
                  )}
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

      {action && (
        <ActionModal
          item={item}
          action={action}
          districtCode={districtCode}
          trackingCode={trackingCode}
          onCancel={() => setAction(null)}
          onDone={(updated) => {
            setAction(null);
            onChanged(updated);
          }}
        />
      )}
    </Space>
  );
}
