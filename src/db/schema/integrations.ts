/** Kysely's view of the tables of webhooks, subscriptions and outgoing messages (snake_case, as stored). */
import type { Generated, Selectable } from 'kysely';
import type { Json, Timestamp } from './columns.ts';

export interface WebhooksTable {
  id: Generated<number>;
  url: string;
  event_kinds: Json<string[]>;
  secret: string;
  description: Generated<string>;
  active: Generated<boolean>;
  created_by: number | null;
  created_at: Timestamp;
}

export interface WebhookDeliveriesTable {
  /** The delivery id partners deduplicate on; the same on every attempt and replay. */
  id: string;
  webhook_id: number;
  event_id: number;
  event_kind: string;
  payload: Json<Record<string, unknown>>;
  status: Generated<'pending' | 'delivered' | 'dead'>;
  attempts: Generated<number>;
  outbox_id: number | null;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
}

export interface WebhookAttemptsTable {
  id: Generated<number>;
  delivery_id: string;
  attempted_at: Generated<Timestamp>;
  response_status: number | null;
  response_body: string | null;
  error: string | null;
}

export interface IntegrationCursorsTable {
  district_id: number;
  last_seq: Generated<number>;
}

export type WebhookRow = Selectable<WebhooksTable>;

export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;

export type MessageChannel = 'email' | 'sms' | 'wechat';

export type SubscriptionTarget = 'case' | 'street' | 'grid' | 'polygon' | 'category';

export interface SubscriptionsTable {
  id: Generated<number>;
  channel: MessageChannel;
  address: string;
  target: SubscriptionTarget;
  case_id: number | null;
  street_id: number | null;
  grid_id: number | null;
  /** GeoJSON Polygon coordinates ([lng, lat] rings), WGS84. */
  polygon: Json<number[][][]> | null;
  category_code: string | null;
  created_at: Timestamp;
  unsubscribed_at: Timestamp | null;
}

export interface MessagesTable {
  id: Generated<number>;
  subscription_id: number;
  event_id: number;
  channel: MessageChannel;
  address: string;
  subject: string;
  body: string;
  status: Generated<'pending' | 'sent' | 'failed'>;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export type SubscriptionRow = Selectable<SubscriptionsTable>;

export interface IntegrationsTables {
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  integration_cursors: IntegrationCursorsTable;
  subscriptions: SubscriptionsTable;
  messages: MessagesTable;
}
