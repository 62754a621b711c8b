/** Small formatting helpers for cases: times, localized names, the running deadline. */
import type { CaseView, TimeLimitView } from '../../api/types.ts';
import type { TFunction } from 'i18next';

/** A time in Beijing time, e.g. 2026-03-10 10:00. */
export function formatTime(iso: string | null | undefined, english: boolean): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(english ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  });
}

/** The deadline that currently runs: to sign while dispatched, to resolve while signed; else none. */
export function runningDeadline(item: Pick<CaseView, 'state' | 'deadlines'>): string | null {
  if (item.state === 'dispatched') return item.deadlines.sign;
  if (item.state === 'signed') return item.deadlines.resolve;
  if (item.state === 'filed') return item.deadlines.dispatch;
  return null;
}

export function categoryLabel(item: Pick<CaseView, 'categoryName' | 'categoryNameEn'>, english: boolean): string {
  return english ? (item.categoryNameEn ?? item.categoryName) : item.categoryName;
}

export function departmentLabel(item: Pick<CaseView, 'departmentName' | 'departmentNameEn'>, english: boolean): string {
  const name = english ? (item.departmentNameEn ?? item.departmentName) : item.departmentName;
  return name ?? '—';
}

/** "4 个工作时" / "4 working hours". */
export function limitText(limit: TimeLimitView, t: TFunction): string {
  return t(`unit.${limit.unit}`, { count: limit.amount });
}

/** A duration as "2天3小时" / "2d 3h". */
export function durationText(ms: number, t: TFunction): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (days) parts.push(t('deadline.day', { count: days }));
  if (hours || days) parts.push(t('deadline.hour', { count: hours }));
  if (!days) parts.push(t('deadline.minute', { count: rest }));
  return parts.join(' ');
}
