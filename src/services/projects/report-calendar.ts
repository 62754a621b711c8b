/**
 * A district's monthly report calendar: when each month's report (月报) is due and when the month closes,
 * from the district setting `projectReportWorkingDay` (in force during that month) and the working calendar.
 */
import { parseDistrictSettings } from '../../domain/org/index.ts';
import { latestClosedMonth, monthClosesAt, reportDueDay } from '../../domain/projects/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { shanghaiToday } from './project-access.ts';

export interface DistrictSettingsSource {
  settings?: unknown;
  working_hours?: unknown;
}

export interface ReportCalendar {
  /** The Shanghai day the month's report is due. */
  dueDay(month: string): string;
  /** The instant the month closes (end of its due day). */
  closesAt(month: string): Date;
  /** The latest month closed at `now`. */
  latestClosed(now: Date): string;
}

export async function reportCalendarOf(deps: ServiceDeps, district: DistrictSettingsSource): Promise<ReportCalendar> {
  const calendar = await deps.calendar.get();
  const nth = (month: string) => parseDistrictSettings({ settings: district.settings, workingHours: district.working_hours }, month).projectReportWorkingDay;
  return {
    dueDay: (month) => reportDueDay(month, nth(month), calendar),
    closesAt: (month) => monthClosesAt(month, nth(month), calendar),
    latestClosed: (now) => {
      const current = shanghaiToday(now).slice(0, 7);
      return latestClosedMonth(current, now, nth(current), calendar);
    },
  };
}
