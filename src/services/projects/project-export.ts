/** 项目清单 as an Excel workbook (.xlsx), the form districts keep it in: one row per project. */
import { loadExcel } from '../lazy-libraries.ts';
import type { Actor } from '../../domain/case/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { listProjectsFor } from './project-registry.ts';

export const PROJECT_EXPORT_HEADERS = [
  '项目名称', '类型', '阶段', '总投资（万元）', '年度计划投资（万元）', '本年累计（万元）', '占年计划%', '序时进度%', '开工至今累计（万元）', '包保领导', '建设地点', '计划年度',
] as const;

/** @returns the file name and the .xlsx bytes of the caller's district's projects */
export async function exportProjectsXlsx(deps: ServiceDeps, actor: Actor, districtCode: string | undefined): Promise<{ fileName: string; body: Buffer }> {
  const { district, items } = await listProjectsFor(deps, actor, { districtCode });
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'civicloop';
  const sheet = workbook.addWorksheet('项目清单');
  sheet.addRow([...PROJECT_EXPORT_HEADERS]).font = { bold: true };
  for (const view of items) {
    const { row, investment } = view;
    sheet.addRow([
      row.name, row.type, row.stage_code, row.total_investment, row.annual_investment, investment.yearToDate, investment.percentOfAnnualPlan,
      investment.timeProgress, investment.sinceStart, view.patron?.displayName ?? '', row.address ?? '',
      view.planLists.map((entry) => `${entry.year}/${entry.level}`).join(' '),
    ]);
  }
  PROJECT_EXPORT_HEADERS.forEach((_, index) => { sheet.getColumn(index + 1).width = index === 0 ? 36 : 14; });
  return { fileName: `${district.name}重点项目清单.xlsx`, body: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
