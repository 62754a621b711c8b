/**
 * Kysely's view of the tables created by the migrations (snake_case, as stored).
 * Each area keeps its tables in `schema/<area>.ts`; the database is their union.
 */
import type { CaseTables } from './schema/case.ts';
import type { OrgTables } from './schema/org.ts';
import type { CalendarTables } from './schema/calendar.ts';
import type { SupervisionTables } from './schema/supervision.ts';
import type { Open311Tables } from './schema/open311.ts';
import type { EnterprisesTables } from './schema/enterprises.ts';
import type { PoliciesTables } from './schema/policies.ts';
import type { ProjectsTables } from './schema/projects.ts';
import type { ApplicationsTables } from './schema/applications.ts';
import type { DispatchTables } from './schema/dispatch.ts';
import type { IntegrationsTables } from './schema/integrations.ts';

export type * from './schema/case.ts';
export type * from './schema/org.ts';
export type * from './schema/calendar.ts';
export type * from './schema/supervision.ts';
export type * from './schema/open311.ts';
export type * from './schema/enterprises.ts';
export type * from './schema/policies.ts';
export type * from './schema/projects.ts';
export type * from './schema/applications.ts';
export type * from './schema/dispatch.ts';
export type * from './schema/integrations.ts';

export interface Database
  extends CaseTables,
    OrgTables,
    CalendarTables,
    SupervisionTables,
    Open311Tables,
    EnterprisesTables,
    PoliciesTables,
    ProjectsTables,
    ApplicationsTables,
    DispatchTables,
    IntegrationsTables {}
