/** Kysely's view of the tables of the enterprise registry and its dated facts (snake_case, as stored). */
import type { Generated, Selectable } from 'kysely';
import type { Json, Timestamp } from './columns.ts';

export interface EnterprisesTable {
  id: Generated<number>;
  district_id: number;
  name: string;
  uscc: string;
  industry_code: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  liaison_user_id: number | null;
  patron_user_id: number | null;
  invented: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EnterpriseFactsTable {
  id: Generated<number>;
  enterprise_id: number;
  key: string;
  value: number;
  /** 'YYYY-MM-DD' (date columns are read as strings). */
  as_of: string;
  source: string;
  recorded_by: number | null;
  recorded_at: Timestamp;
}

export interface EnterpriseTagsTable {
  id: Generated<number>;
  enterprise_id: number;
  tag: string;
  valid_from: string;
  valid_to: string | null;
  source: string;
}

export interface EnterpriseListItemsTable {
  id: Generated<number>;
  enterprise_id: number;
  list: string;
  item: Json<Record<string, string | number | boolean>>;
}

export interface EnterpriseContactsTable {
  user_id: number;
  enterprise_id: number;
}

export interface EnterpriseDemandsTable {
  case_id: number;
  enterprise_id: number;
}

export type EnterpriseRow = Selectable<EnterprisesTable>;

export type EnterpriseFactRow = Selectable<EnterpriseFactsTable>;

export type EnterpriseTagRow = Selectable<EnterpriseTagsTable>;

export interface EnterprisesTables {
  enterprises: EnterprisesTable;
  enterprise_facts: EnterpriseFactsTable;
  enterprise_tags: EnterpriseTagsTable;
  enterprise_list_items: EnterpriseListItemsTable;
  enterprise_contacts: EnterpriseContactsTable;
  enterprise_demands: EnterpriseDemandsTable;
}
