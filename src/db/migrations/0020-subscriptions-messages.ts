import { sql, type Kysely } from 'kysely';

/**
 * Subscriptions (issue 16): a reporter's or follower's subscription to one case, or anyone's to an area
 * (a street, a grid, a drawn polygon) or a category, by e-mail, SMS or WeChat; and the messages sent for
 * them, one per (subscription, timeline event), sent from the outbox.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table subscriptions (
      id bigint generated always as identity primary key,
      channel text not null check (channel in ('email', 'sms', 'wechat')),
      address text not null,
      target text not null check (target in ('case', 'street', 'grid', 'polygon', 'category')),
      case_id integer references cases(id),
      street_id integer references streets(id),
      grid_id integer references grids(id),
      polygon jsonb,
      category_code text,
      created_at timestamptz not null,
      unsubscribed_at timestamptz
    );
    create index subscriptions_case_idx on subscriptions (case_id) where unsubscribed_at is null and case_id is not null;
    create index subscriptions_active_idx on subscriptions (target) where unsubscribed_at is null;
    create table messages (
      id bigint generated always as identity primary key,
      subscription_id bigint not null references subscriptions(id),
      event_id bigint not null,
      channel text not null,
      address text not null,
      subject text not null,
      body text not null,
      status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
      created_at timestamptz not null,
      sent_at timestamptz,
      unique (subscription_id, event_id)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists messages; drop table if exists subscriptions;`.execute(db);
}
