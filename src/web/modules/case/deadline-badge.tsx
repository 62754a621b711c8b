/** A live countdown to the running deadline, amber from the stored amber instant, red when overdue. */
import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../api/types.ts';
import { isOverdueAt, isPastDeadline, warningLevelAt } from '../../../domain/case/case-warning.ts';
import { durationText, runningDeadline } from './case-format.ts';

/** The current time, refreshed every `intervalMs`. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

const toDate = (value: string | null): Date | null => (value ? new Date(value) : null);

/**
 * Colour of the badge by the server's one rule (case-warning.ts) on the stored instants, live at the
 * browser's clock: red overdue, amber from the amber instant, else blue.
 */
export function deadlineColour(item: CaseView, now: number): 'red' | 'orange' | 'blue' | 'default' {
  const deadline = runningDeadline(item);
  if (!deadline) return 'default';
  const at = new Date(now);
  const clock = {
    state: item.state, amberAt: toDate(item.deadlines.amber), resolveDeadline: toDate(item.deadlines.resolve), suspendedAt: null,
    signDeadline: toDate(item.deadlines.sign),
  };
  if (isOverdueAt(clock, at) || isPastDeadline(toDate(deadline), at)) return 'red';
  if (warningLevelAt(clock, at) === 'amber') return 'orange';
  return 'blue';
}

export function DeadlineBadge({ item, now }: { item: CaseView; now: number }) {
  const { t } = useTranslation();
  const deadline = runningDeadline(item);
  if (!deadline) return <Tag>{t('deadline.none')}</Tag>;
  const left = new Date(deadline).getTime() - now;
  const colour = deadlineColour(item, now);
  const text = left < 0 ? t('deadline.overdue', { time: durationText(-left, t) }) : t('deadline.remaining', { time: durationText(left, t) });
  const label = colour === 'red' ? t('deadline.red') : colour === 'orange' ? t('deadline.amber') : undefined;
  return (
    <>
      <Tag color={colour} title={label} aria-label={label ? `${label} ${text}` : text}>
        {text}
      </Tag>
      {item.deadlineProvisional && <Tag color="gold" data-testid="deadline-provisional">{t('calendarYear.provisionalDeadline')}</Tag>}
    </>
  );
}
