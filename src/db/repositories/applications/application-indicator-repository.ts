/**
 * SQL of the 政务服务 indicators: the timeline events of a district's applications, and of the
 * rectification cases their 差评 opened, that happened before an instant (the month's asOf). Only
 * events are read, never the rows' current columns, so a later change cannot alter a past month.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ApplicationEventFact, ApplicationHistory } from '../../../domain/applications/index.ts';
import type { Database } from '../../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

interface EventRow {
  case_id: number;
  at: Date;
  action: string;
  actor_user_id: number | null;
  to_state: string;
  data: unknown;
}

function factOf(row: EventRow): ApplicationEventFact {
  return { at: new Date(row.at), action: row.action, actorUserId: row.actor_user_id, toState: row.to_state, data: (row.data as Record<string, unknown> | null) ?? {} };
}

/** Every application of the district received before `before`, with its events (and its rectification's) before `before`, in order. */
export async function loadApplicationHistories(db: Db, districtId: number, before: Date): Promise<ApplicationHistory[]> {
  const own = await db
    .selectFrom('case_events')
    .innerJoin('service_applications', 'service_applications.case_id', 'case_events.case_id')
    .select(['case_events.case_id', 'case_events.at', 'case_events.action', 'case_events.actor_user_id', 'case_events.to_state', 'case_events.data'])
    .where('service_applications.district_id', '=', districtId)
    .where('service_applications.received_at', '<', before)
    .where('case_events.at', '<', before)
    .orderBy('case_events.at').orderBy('case_events.id')
    .execute();
  const rectification = await db
    .selectFrom('case_events')
    .innerJoin('cases', 'cases.id', 'case_events.case_id')
    .innerJoin('service_applications', 'service_applications.case_id', 'cases.rectification_of_id')
    .select(['cases.rectification_of_id as case_id', 'case_events.at', 'case_events.action', 'case_events.actor_user_id', 'case_events.to_state', 'case_events.data'])
    .where('service_applications.district_id', '=', districtId)
    .where('case_events.at', '<', before)
    .orderBy('case_events.at').orderBy('case_events.id')
    .execute();
  const byCase = new Map<number, ApplicationHistory>();
  const historyOf = (caseId: number) => {
    let history = byCase.get(caseId);
    if (!history) byCase.set(caseId, (history = { caseId, events: [], rectificationEvents: [] }));
    return history;
  };
  for (const row of own) historyOf(row.case_id).events.push(factOf(row));
  for (const row of rectification) if (row.case_id !== null) historyOf(row.case_id).rectificationEvents.push(factOf(row as EventRow));
  return [...byCase.values()].filter((history) => history.events.length > 0);
}

export interface ApplicationUnitRow {
  id: number;
  code: string;
  name: string;
}

/** Names of the units of a level: departments by code and name, windows by the clerk's username and name. */
export async function listApplicationUnits(db: Db, level: 'department' | 'window', ids: number[]): Promise<ApplicationUnitRow[]> {
  if (ids.length === 0) return [];
  if (level === 'department') return db.selectFrom('departments').select(['id', 'code', 'name']).where('id', 'in', ids).execute();
  return db.selectFrom('users').select(['id', 'username as code', 'display_name as name']).where('id', 'in', ids).execute();
}

export interface NationalStatusEventRow {
  number: string;
  item_code: string;
  item_name: string;
  department_code: string;
  department_name: string;
  action: string;
  at: Date;
  data: unknown;
}

/** The district's application events that carry a national status code, in [start, end), in the order they happened. */
export async function listNationalStatusEvents(db: Db, districtId: number, start: Date, end: Date): Promise<NationalStatusEventRow[]> {
  return db
    .selectFrom('case_events')
    .innerJoin('service_applications', 'service_applications.case_id', 'case_events.case_id')
    .innerJoin('service_items', 'service_items.id', 'service_applications.service_item_id')
    .innerJoin('departments', 'departments.id', 'service_applications.department_id')
    .select([
      'service_applications.number', 'service_items.code as item_code', 'service_items.name as item_name', 'departments.code as department_code',
      'departments.name as department_name', 'case_events.action', 'case_events.at', 'case_events.data',
    ])
    .where('service_applications.district_id', '=', districtId)
    .where('case_events.at', '>=', start)
    .where('case_events.at', '<', end)
    .orderBy('case_events.at').orderBy('case_events.id')
    .execute();
}
