/**
 * The lint rules that keep the layers and areas honest, each shown failing on a deliberate violation and
 * passing on the allowed form, through the project's real ESLint configuration.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The rule ids that fire for `code` as if it were the file at `path` (repo-relative). */
async function rulesFiredFor(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return (result?.messages ?? []).map((message) => message.ruleId ?? `fatal: ${message.message}`);
}

describe('architecture lint rules', () => {
  it('keeps src/domain pure: no SQL library, no clock', async () => {
    expect(await rulesFiredFor('src/domain/case/violation.ts', "import { sql } from 'kysely';\nexport const q = sql`select 1`;\n")).toContain('no-restricted-imports');
    expect(await rulesFiredFor('src/domain/case/violation.ts', 'export const now = Date.now();\n')).toContain('no-restricted-syntax');
    expect(await rulesFiredFor('src/domain/case/allowed.ts', 'export const answer = (at: Date) => at.getTime();\n')).toEqual([]);
  });

  it('lets no route import a repository, except a row type', async () => {
    const value = "import { listUsers } from '../../../db/repositories/org/index.ts';\nexport const f = listUsers;\n";
    expect(await rulesFiredFor('src/server/routes/admin/violation.ts', value)).toContain('@typescript-eslint/no-restricted-imports');
    const type = "import type { CaseListRow } from '../../../db/repositories/case/index.ts';\nexport type R = CaseListRow;\n";
    expect(await rulesFiredFor('src/server/routes/case/allowed.ts', type)).toEqual([]);
  });

  it('keeps SQL in src/db: no query builder in a service', async () => {
    const code = "import type { Kysely } from 'kysely';\nexport const f = (db: Kysely<any>) => db.selectFrom('cases').selectAll().execute();\n";
    expect(await rulesFiredFor('src/services/case/violation.ts', code)).toContain('no-restricted-syntax');
    expect(await rulesFiredFor('src/db/repositories/case/allowed.ts', code.replace('<any>', '<never>'))).not.toContain('no-restricted-syntax');
    expect(await rulesFiredFor('src/services/case/violation.ts', "import { sql } from 'kysely';\nexport const q = sql`select 1`;\n")).toContain('@typescript-eslint/no-restricted-imports');
  });

  it("lets one area use another only through that area's index", async () => {
    const internal = "import { runSweep } from '../supervision/warning-sweep.ts';\nexport const f = runSweep;\n";
    expect(await rulesFiredFor('src/services/case/violation.ts', internal)).toContain('civicloop/area-boundaries');
    const viaIndex = "import { runSweep } from '../supervision/index.ts';\nexport const f = runSweep;\n";
    expect(await rulesFiredFor('src/services/case/allowed.ts', viaIndex)).toEqual([]);
    // The same area in another layer is its own: a case service reads the case repository directly.
    const ownArea = "import { findCase } from '../../db/repositories/case/case-repository.ts';\nexport const f = findCase;\n";
    expect(await rulesFiredFor('src/services/case/allowed.ts', ownArea)).toEqual([]);
    const web = "import { StateTag } from '../case/state-tag.tsx';\nexport const f = StateTag;\n";
    expect(await rulesFiredFor('src/web/modules/supervision/violation.tsx', web)).toContain('civicloop/area-boundaries');
  });

  it('keeps the web UI off server code', async () => {
    const code = "import { reportCase } from '../../services/case/index.ts';\nexport const f = reportCase;\n";
    expect(await rulesFiredFor('src/web/pages/violation.tsx', code)).toContain('no-restricted-imports');
  });
});
