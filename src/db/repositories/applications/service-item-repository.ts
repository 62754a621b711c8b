/** SQL of service items (政务服务事项): the district's list, one by code, and the import's upsert. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, ServiceItemRow } from '../../schema.ts';
import type { ServiceItemKind } from '../../../domain/applications/index.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A service item with its department's code and name, as the API shows it. */
export type ServiceItemWithDepartment = ServiceItemRow & { department_code: string; department_name: string };

function itemsWithDepartment(db: Db) {
  return db
    .selectFrom('service_items')
    .innerJoin('departments', 'departments.id', 'service_items.department_id')
    .selectAll('service_items')
    .select(['departments.code as department_code', 'departments.name as department_name']);
}

export async function listServiceItems(db: Db, districtId: number): Promise<ServiceItemWithDepartment[]> {
  return itemsWithDepartment(db).where('service_items.district_id', '=', districtId).where('service_items.active', '=', true)
    .orderBy('service_items.code').execute();
}

export async function findServiceItemByCode(db: Db, districtId: number, code: string): Promise<ServiceItemWithDepartment | undefined> {
  return itemsWithDepartment(db).where('service_items.district_id', '=', districtId).where('service_items.code', '=', code).executeTakeFirst();
}

export async function findServiceItemById(db: Db, id: number): Promise<ServiceItemWithDepartment | undefined> {
  return itemsWithDepartment(db).where('service_items.id', '=', id).executeTakeFirst();
}

export interface ServiceItemValues {
  code: string;
  name: string;
  departmentId: number;
  kind: ServiceItemKind;
  legalLimitDays: number;
  promisedLimitDays: number;
  materials: string[];
  feeYuan: number;
  toleranceAllowed: boolean;
}

/** Inserts or replaces the district's items by code (an import is the district's list as published). */
export async function upsertServiceItems(trx: Transaction<Database>, districtId: number, items: ServiceItemValues[], now: Date): Promise<number> {
  for (const item of items) {
    const values = {
      name: item.name, department_id: item.departmentId, kind: item.kind, legal_limit_days: item.legalLimitDays,
      promised_limit_days: item.promisedLimitDays, materials: JSON.stringify(item.materials), fee_yuan: item.feeYuan,
      tolerance_allowed: item.toleranceAllowed, active: true, updated_at: now,
    };
    await trx
      .insertInto('service_items')
      .values({ district_id: districtId, code: item.code, created_at: now, ...values })
      .onConflict((oc) => oc.columns(['district_id', 'code']).doUpdateSet(values))
      .execute();
  }
  return items.length;
}
