/** The working calendar: anyone may read it; admins add or override days. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CalendarDayBody, CalendarYearQuery } from '../../../shared/api-schemas.ts';
import { listCalendarYear, setCalendarDay } from '../../../services/calendar/calendar-admin.ts';
import { applyNotice, previewNotice } from '../../../services/calendar/calendar-notice.ts';
import { requirePermission } from '../../plugins/auth.ts';
import type { RouteDeps } from '../route-deps.ts';

export async function calendarRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/v1/calendar',
    { schema: { tags: ['reference'], summary: '工作日历 / Working calendar of a year', querystring: CalendarYearQuery } },
    async (request) => listCalendarYear(services, request.query.year),
  );

  typed.put(
    '/api/v1/admin/calendar/:date',
    {
      schema: {
        tags: ['admin'], summary: '设置工作日/休息日 / Set a day as working or not',
        params: z.strictObject({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }), body: CalendarDayBody,
      },
    },
    async (request) => {
      requirePermission(request, 'admin.calendar');
      const { row, recalculated } = await setCalendarDay(services, request.params.date, request.body.isWorkingDay, request.body.name);
      return { date: row.day, isWorkingDay: row.isWorkingDay, name: row.name, source: row.source, recalculatedCases: recalculated };
    },
  );

  const NoticeBody = z.strictObject({ text: z.string().min(1).max(20_000), confirm: z.boolean().optional() });

  typed.post(
    '/api/v1/admin/calendar/notice/preview',
    { schema: { tags: ['admin'], summary: '预览节假日通知 / Preview a State Council holiday notice against the calendar', body: NoticeBody } },
    async (request) => {
      requirePermission(request, 'admin.calendar');
      return previewNotice(services, request.body.text);
    },
  );

  typed.post(
    '/api/v1/admin/calendar/notice/apply',
    { schema: { tags: ['admin'], summary: '导入节假日通知 / Apply a State Council holiday notice', body: NoticeBody } },
    async (request) => {
      requirePermission(request, 'admin.calendar');
      return applyNotice(services, request.body.text, { confirm: request.body.confirm ?? false, actorUserId: request.actor.userId });
    },
  );
}
