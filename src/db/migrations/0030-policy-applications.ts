import { sql, type Kysely } from 'kysely';

/**
 * 申报 → 受理 → 审核 → 兑现 (issue 12): the companion row of a `policy_application` case, with the
 * policy version applied for, the amount computed from the data at 申报, each stage's instant and
 * the payout reference. An enterprise has at most one live (not rejected) application per policy
 * version, so a policy is never paid twice through applications.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table policy_applications (
      case_id integer primary key references cases(id),
      district_id integer not null references districts(id),
      policy_id integer not null references policies(id),
      version integer not null,
      enterprise_id integer not null references enterprises(id),
      status text not null check (status in ('submitted', 'accepted', 'approved', 'rejected', 'paid')),
      amount_cents bigint not null check (amount_cents >= 0),
      explanation jsonb not null,
      submitted_by integer references users(id),
      submitted_at timestamptz not null,
      accepted_at timestamptz,
      reviewed_at timestamptz,
      paid_at timestamptz,
      payment_reference text,
      updated_at timestamptz not null
    );
    create index policy_applications_enterprise_idx on policy_applications (enterprise_id);
    create unique index policy_applications_live_idx on policy_applications (policy_id, version, enterprise_id) where status <> 'rejected';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists policy_applications`.execute(db);
}
