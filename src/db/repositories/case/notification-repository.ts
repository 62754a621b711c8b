/** In-app notifications: written by the sweep and by notices, read by their recipients. */
import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import type { Database } from '../../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewNotification {
  districtId: number;
  recipientUserId?: number | null;
  recipientDepartmentId?: number | null;
  recipientRole?: string | null;
  kind: string;
  caseId?: number | null;
  noticeId?: number | null;
  title: string;
  body: string;
  data?: Record<string, unknown>;
  at: Date;
}

export async function insertNotifications(db: Db, notifications: NewNotification[]): Promise<void> {
  if (notifications.length === 0) return;
  await db
    .insertInto('notifications')
    .values(notifications.map((n) => ({
      district_id: n.districtId, recipient_user_id: n.recipientUserId ?? null, recipient_department_id: n.recipientDepartmentId ?? null,
      recipient_role: n.recipientRole ?? null, kind: n.kind, case_id: n.caseId ?? null, notice_id: n.noticeId ?? null,
      title: n.title, body: n.body, data: JSON.stringify(n.data ?? {}), created_at: n.at,
    })))
    .execute();
}

export interface NotificationReader {
  id: number;
  role: string;
  districtId: number | null;
  departmentId: number | null;
}

/** Addressed to the user, to their department, or to their role in their district. */
function visibleTo(user: NotificationReader) {
  return (eb: ExpressionBuilder<Database, 'notifications'>) => {
    const mine = [eb('recipient_user_id', '=', user.id)];
    if (user.departmentId !== null) mine.push(eb.and([eb('recipient_department_id', '=', user.departmentId), eb('recipient_role', 'is', null)]));
    if (user.districtId !== null) {
      mine.push(eb.and([
        eb('district_id', '=', user.districtId), eb('recipient_role', '=', user.role),
        eb.or([eb('recipient_department_id', 'is', null), eb('recipient_department_id', '=', user.departmentId ?? -1), eb.val(user.role === 'leader')]),
      ]));
    }
    return eb.or(mine);
  };
}

/** The number of the notification's case (a correlated subquery: the reader's filter stays on notifications alone). */
const caseNumber = (eb: ExpressionBuilder<Database, 'notifications'>) =>
  eb.selectFrom('cases').select('cases.number').whereRef('cases.id', '=', 'notifications.case_id').as('case_number');

/** The notifications a user receives, newest first. */
export async function listNotificationsFor(db: Db, user: NotificationReader, limit: number) {
  return db
    .selectFrom('notifications')
    .selectAll()
    // the case's number, so the reader can open it from the notification
    .select(caseNumber)
    .where(visibleTo(user))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Marks every unread notification of the user read. @returns how many were unread */
export async function markAllNotificationsRead(db: Db, user: NotificationReader, at: Date): Promise<number> {
  const result = await db.updateTable('notifications').set({ read_at: at }).where('read_at', 'is', null).where(visibleTo(user)).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Marks one of the user's notifications read (first read wins). @returns the row, or undefined if not theirs */
export async function markNotificationRead(db: Db, user: NotificationReader, id: number, at: Date) {
  await db.updateTable('notifications').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).where(visibleTo(user)).execute();
  return db.selectFrom('notifications').selectAll().select(caseNumber).where('id', '=', id).where(visibleTo(user)).executeTakeFirst();
}
