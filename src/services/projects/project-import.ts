/**
 * Imports a district's 项目清单 from .xlsx (the export's columns): every row is checked — format, names
 * already in the registry or twice in the file, patrons among the district's leaders — and the file is
 * imported all or nothing, each project at the first stage with its lifecycle nodes.
 */
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/case/index.ts';
import { canWriteProjects, readProjectImportTable, type ProjectImportProblem } from '../../domain/projects/index.ts';
import { findProjectNames, listDistrictLeaders, loadLifecycle } from '../../db/repositories/projects/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { runWrite } from '../write-transaction.ts';
import { freezeClosedMonths } from './project-rates.ts';
import { readFirstSheet } from '../spreadsheet-table.ts';
import { projectDistrictFor } from './project-access.ts';
import { writeNewProject } from './project-registry.ts';

function invalid(problems: ProjectImportProblem[]): DomainError {
  return new DomainError('PROJECT_IMPORT_INVALID', { problems: [...problems].sort((a, b) => a.row - b.row) });
}

/**
 * @param file - the .xlsx in base64
 * @returns how many projects were created
 * @throws DomainError PROJECT_IMPORT_INVALID with details.problems [{ row, field, code }]; FORBIDDEN; those of projectDistrictFor
 */
export async function importProjects(deps: ServiceDeps, actor: Actor, file: { content: string; district?: string | undefined }): Promise<{ created: number }> {
  const district = await projectDistrictFor(deps, actor, file.district);
  if (!canWriteProjects(actor.role)) throw new DomainError('FORBIDDEN');
  const table = await readFirstSheet(file.content);
  if (!table) throw invalid([{ row: 0, field: 'file', code: 'UNREADABLE' }]);
  const { rows, problems } = readProjectImportTable(table);
  const taken = await findProjectNames(deps.db, district.id, rows.map((row) => row.name));
  const leaders = await listDistrictLeaders(deps.db, district.id);
  const patronOf = (text: string) => leaders.find((leader) => leader.displayName === text || leader.username === text);
  for (const row of rows) {
    if (taken.has(row.name)) problems.push({ row: row.row, field: 'name', code: 'NAME_TAKEN' });
    if (row.patron && !patronOf(row.patron)) problems.push({ row: row.row, field: 'patron', code: 'PATRON_UNKNOWN' });
  }
  if (problems.length > 0) throw invalid(problems);
  const lifecycle = await loadLifecycle(deps.db);
  const now = deps.clock();
  await freezeClosedMonths(deps, district.id);
  await runWrite(deps, async (trx) => {
    for (const row of rows) {
      await writeNewProject(trx, { actor, districtId: district.id, streetId: null, lifecycle, now }, {
        name: row.name, type: row.type, totalInvestment: row.totalInvestment, annualInvestment: row.annualInvestment,
        address: row.address ?? undefined, patronUserId: row.patron ? patronOf(row.patron)!.id : null, planLists: row.planLists,
      });
    }
  });
  return { created: rows.length };
}
