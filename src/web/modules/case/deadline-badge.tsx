/** A live countdown to the running deadline, amber at 80% of the time used, red when overdue. */
import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../api/types.ts';
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

function startOf(item: CaseView): string | null {
  return item.state === 'dispatched' ? item.dispatchedAt : item.signedAt;
}

/** Colour of the badge: red overdue, amber past 80% (or the server's warning), else blue. */
export function deadlineColour(item: CaseView, now: number): 'red' | 'orange' | 'blue' | 'default' {
  const deadline = runningDeadline(item);
  if (!deadline) return 'default';
  const end = new Date(deadline).getTime();
  if (item.overdue || end < now || item.warningLevel === 'red') return 'red';
  const start = new Date(startOf(item) ?? item.createdAt).getTime();
  const used = end > start ? (now - start) / (end - start) : 0;
  if (used >= 0.8 || item.warningLevel === 'amber') return 'orange';
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
