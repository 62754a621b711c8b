/**
 * With demo mode off, an account that still has the published demo password is a door anyone can open:
 * the server locks each one at start (inactive, sessions ended) and audits it. An admin re-enables an
 * account by giving it a real password.
 */
import { verify } from '@node-rs/argon2';
import { deactivateUser, listUsers } from '../../db/repositories/org/index.ts';
import { insertAudit } from '../../db/repositories/admin/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { runWrite } from '../write-transaction.ts';
import { DEMO_PASSWORD } from './seed-demo-org.ts';

/** @returns the usernames locked now */
export async function lockDemoPasswordAccounts(deps: Pick<ServiceDeps, 'db' | 'afterCommit'>, now: Date): Promise<string[]> {
  const locked: string[] = [];
  // One argon2 check per distinct hash: accounts made in bulk share one (the generator's thousands of
  // staff), and each check costs tens of milliseconds, which held a 1M-case start past two minutes.
  const isDemoHash = new Map<string, Promise<boolean>>();
  for (const user of await listUsers(deps.db)) {
    if (!user.active) continue;
    let demo = isDemoHash.get(user.password_hash);
    if (!demo) isDemoHash.set(user.password_hash, (demo = verify(user.password_hash, DEMO_PASSWORD)));
    if (!(await demo)) continue;
    await runWrite(deps, async (trx) => {
      await deactivateUser(trx, user.id);
      await insertAudit(trx, { at: now, actorUserId: null, action: 'account.lock_demo_password', subject: `user:${user.username}`, data: { reason: 'demo password with demo mode off' } });
    });
    locked.push(user.username);
  }
  return locked;
}
