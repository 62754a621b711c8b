/**
 * Demo enterprises and policies: enterprises with facts for 2024–2026, liaisons (助企专员) and
 * patrons (包保领导), contact users, F1–F4, a completed 免申即享 run (F1 over 2024, confirmed and
 * paid in 2025) and a pending one (F1 over 2025, while F1's 2026 version is in force). Made through
 * the same services as real work.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/case/index.ts';
import { completeUscc, orgCodeCheckCharacter, type FactKey } from '../../domain/enterprises/index.ts';
import { F1_STABLE_JOBS, lastDateInForce, REFERENCE_POLICIES } from '../../domain/policies/index.ts';
import { INVENTED_INDUSTRIES, INVENTED_PER_DISTRICT, NAMED_ENTERPRISES, type DemoEnterpriseSeed } from '../../db/seed/demo-enterprises.ts';
import { countEnterprises } from '../../db/repositories/enterprises/index.ts';
import { findUserByUsername, listDistricts } from '../../db/repositories/org/index.ts';
import { actorFromUser } from '../actor.ts';
import { addUser } from '../auth/index.ts';
import { addEnterpriseContact, recordFacts, registerEnterprise, todayOf } from '../enterprises/index.ts';
import { decideGrant, payGrant, savePolicy, startGrantRun } from '../policies/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { seedServiceDeps } from './seed-service-deps.ts';
import { DEMO_PASSWORD } from './seed-demo-org.ts';
import { createRandom, type Random } from './seeded-random.ts';

export const ENTERPRISE_DEMO_USER = 'enterprise-demo';
const BODY_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A made-up USCC: 工商/企业, the district as registering authority, a random body with both check characters right. */
function demoUscc(districtCode: string, random: Random): string {
  const body = `MA${Array.from({ length: 6 }, () => random.pick([...BODY_CHARS])).join('')}`;
  return completeUscc(`91${districtCode}${body}${orgCodeCheckCharacter(body)}`);
}

function yearFacts(seed: DemoEnterpriseSeed, year: number, growth: number, random: Random) {
  const asOf = `${year}-12-31`;
  const employees = Math.round(seed.employees * growth);
  const insured = Math.max(1, Math.round(employees * 0.9));
  const facts: [FactKey, number][] = [
    ['employees', employees], ['revenue', Math.round(seed.revenue * growth)], ['insured_headcount', insured],
    ['insured_months', 12], ['layoff_rate', Math.round(random.next() * 70) / 10],
    ['unemployment_insurance_paid', Math.round(insured * 4200 * 0.005 * 12 * 100) / 100],
  ];
  const output = seed.output?.[year === 2024 ? 0 : 1];
  if (output !== undefined) facts.push(['industrial_output', output]);
  return facts.map(([key, value]) => ({ key, value, asOf, source: key.startsWith('insured') || key.includes('insurance') || key === 'layoff_rate' ? '社保数据' : '统计年报' }));
}

async function seedEnterprise(deps: ServiceDeps, admin: Actor, districtCode: string, seed: DemoEnterpriseSeed & { invented: boolean }, people: { liaison: number; patron: number | null }, random: Random) {
  const row = await registerEnterprise(deps, admin, {
    name: seed.name, uscc: demoUscc(districtCode, random), industryCode: seed.industryCode, districtCode,
    liaisonUserId: people.liaison, patronUserId: people.patron, invented: seed.invented,
  });
  const tags = [
    ...(seed.fourAbove ? [{ tag: 'four_above', validFrom: '2024-01-01', validTo: null, source: '统计局名录库' }] : []),
    ...(seed.highTech ? [{ tag: 'high_tech', validFrom: '2024-11-20', validTo: '2027-11-19', source: '高新技术企业证书' }] : []),
  ];
  const facts = [...yearFacts(seed, 2024, 1, random), ...yearFacts(seed, 2025, 1.06, random), { key: 'employees', value: Math.round(seed.employees * 1.08), asOf: '2026-06-30', source: '半年报' }];
  await recordFacts(deps, admin, row.id, { facts, tags });
  return row;
}

async function liaisonFor(deps: ServiceDeps, districtId: number, districtCode: string, districtName: string): Promise<number> {
  const username = `liaison-${districtCode}`;
  const existing = await findUserByUsername(deps.db, username);
  if (existing) return existing.id;
  return (await addUser(deps, { username, password: DEMO_PASSWORD, displayName: `${districtName}助企专员`, role: 'supervisor', districtId })).id;
}

async function seedDistrictEnterprises(deps: ServiceDeps, admin: Actor, random: Random): Promise<{ ids: number[]; demoId: number | null }> {
  const ids: number[] = [];
  let demoId: number | null = null;
  for (const district of await listDistricts(deps.db)) {
    const patron = await findUserByUsername(deps.db, `leader-${district.code}`);
    const people = { liaison: await liaisonFor(deps, district.id, district.code, district.name), patron: patron?.id ?? null };
    const invented = Array.from({ length: INVENTED_PER_DISTRICT[district.code] ?? 6 }, (_, index) => {
      const industry = INVENTED_INDUSTRIES[index % INVENTED_INDUSTRIES.length]!;
      const scale = 0.5 + random.next() * 1.5;
      return { name: `${district.name}${industry.label}示例企业${String(index + 1).padStart(2, '0')}（虚构）`, industryCode: industry.industryCode, employees: Math.round(industry.employees * scale), revenue: Math.round(industry.revenue * scale), invented: true };
    });
    for (const seed of [...(NAMED_ENTERPRISES[district.code] ?? []).map((named) => ({ ...named, invented: false })), ...invented]) {
      const row = await seedEnterprise(deps, admin, district.code, seed, people, random);
      ids.push(row.id);
      if (seed.name === '长春万华汽车实业') demoId = row.id;
    }
  }
  return { ids, demoId };
}

/** Contact users for every enterprise (the demo one is `enterprise-demo`), so each can confirm its grants. */
async function seedContacts(deps: ServiceDeps, admin: Actor, ids: number[], demoId: number | null): Promise<Map<number, Actor>> {
  const contacts = new Map<number, Actor>();
  for (const id of ids) {
    const username = id === demoId ? ENTERPRISE_DEMO_USER : `enterprise-${id}`;
    const user = await addEnterpriseContact(deps, admin, id, { username, password: DEMO_PASSWORD, displayName: id === demoId ? '企业演示账号' : `企业联系人 ${id}` });
    contacts.set(id, actorFromUser(user));
  }
  return contacts;
}

/**
 * Creates the demo enterprises, policies and grant runs unless enterprises exist.
 * @returns how many enterprises were created
 */
export async function seedDemoEnterprises(db: Kysely<Database>, now: Date): Promise<number> {
  if ((await countEnterprises(db)) > 0) return 0;
  let current = now;
  const deps = seedServiceDeps(db, () => current);
  const adminUser = await findUserByUsername(db, 'admin');
  if (!adminUser) throw new Error('demo user admin is missing: seed the demo users first');
  const admin = actorFromUser(adminUser);
  const random = createRandom(20_261_202);
  const { ids, demoId } = await seedDistrictEnterprises(deps, admin, random);
  const contacts = await seedContacts(deps, admin, ids, demoId);
  const policyIds = [];
  for (const policy of REFERENCE_POLICIES) policyIds.push((await savePolicy(deps, policy)).id);
  // The completed run: F1 over the 2024 figures, listed mid-2025, confirmed and paid within weeks.
  current = new Date('2025-06-30T02:00:00Z');
  const completed = await startGrantRun(deps, admin, policyIds[0]!, '2025-06-30');
  for (const [index, item] of completed.items.entries()) {
    current = new Date(Date.UTC(2025, 6, 1 + (index % 10), 2));
    await decideGrant(deps, contacts.get(item.enterprise_id)!, completed.run.id, item.id, 'confirmed');
    current = new Date(Date.UTC(2025, 6, 20, 2));
    await payGrant(deps, admin, completed.run.id, item.id, `CZ-2025-${String(item.id).padStart(5, '0')}`);
  }
  // The pending run: F1 over the 2025 figures, waiting for the enterprises' 意愿确认. Once F1's last version has
  // ended, the run is evaluated on its last day in force, so a fresh demo still shows a pending confirmation.
  current = now;
  const evaluationDate = lastDateInForce(F1_STABLE_JOBS, todayOf(deps));
  if (evaluationDate) await startGrantRun(deps, admin, policyIds[0]!, evaluationDate);
  return ids.length;
}
