/** Kysely's view of the tables of what Open311 clients sent (snake_case, as stored). */
import type { Generated } from 'kysely';
import type { Json, JsonWithDefault, Timestamp } from './columns.ts';

/** What an Open311 client sent beyond the case itself (migration 0003). */
export interface Open311RequestsTable {
  case_id: number;
  district_id: number;
  api_key_id: number;
  token: string;
  attributes: Json<Record<string, string | string[]>>;
  contact: Json<Record<string, string>>;
  media_urls: Json<string[]>;
  created_at: Timestamp;
  /** Migration 0019: the names as the client sent them, joined; what intake trimmed; each media_url's fetch. */
  reporter_name: string | null;
  intake_notes: JsonWithDefault<string[]>;
  media_fetches: JsonWithDefault<MediaFetch[]>;
  coord_system: Generated<string>;
}

/** What became of one media_url: stored as a case photo, or kept as a link with the reason. */
export interface MediaFetch {
  url: string;
  outcome: 'stored' | 'failed';
  attachmentId?: number;
  reason?: string;
}

/** Updates posted by Open311 clients (FixMyStreet servicerequestupdates), deduplicated per key (migration 0003). */
export interface Open311UpdatesTable {
  id: Generated<number>;
  api_key_id: number;
  case_id: number;
  district_id: number;
  external_update_id: string;
  status: string;
  description: string;
  updated_at: Timestamp;
  received_at: Timestamp;
  /** Migration 0019: photos linked from the client's update. */
  media_urls: JsonWithDefault<string[]>;
}

export interface Open311Tables {
  open311_requests: Open311RequestsTable;
  open311_updates: Open311UpdatesTable;
}
