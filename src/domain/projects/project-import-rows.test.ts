import { describe, expect, it } from 'vitest';
import { readProjectImportTable } from './project-import-rows.ts';

const HEADER = ['项目名称', '类型', '阶段', '总投资（万元）', '年度计划投资（万元）', '本年累计（万元）', '包保领导', '建设地点', '计划年度'];

describe('project import rows', () => {
  it('reads the export\'s columns, Chinese type and level names, and ignores the computed columns', () => {
    const { rows, problems } = readProjectImportTable([
      HEADER,
      ['长春示例产业园', '产业项目', 'construction', '52,000', '12000', '3000', '王区长', '绿园区青年路', '2026/市 2025/province'],
      ['', '', '', '', '', '', '', '', ''],
      ['社区养老服务中心', 'public', '', '800', '800', '', '', '', ''],
    ]);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { row: 2, name: '长春示例产业园', type: 'industry', totalInvestment: 52000, annualInvestment: 12000, patron: '王区长', address: '绿园区青年路',
        planLists: [{ year: 2026, level: 'city' }, { year: 2025, level: 'province' }] },
      { row: 4, name: '社区养老服务中心', type: 'public', totalInvestment: 800, annualInvestment: 800, patron: null, address: null, planLists: [] },
    ]);
  });

  it('names every problem of every row', () => {
    const { rows, problems } = readProjectImportTable([
      HEADER,
      ['甲项目', '水利', '', 'abc', '-5', '', '', '', '2026/国家'],
      ['乙项目', '产业项目', '', '100', '200', '', '', '', ''],
      ['乙项目', '产业项目', '', '', '10', '', '', '', ''],
    ]);
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      { row: 2, field: 'type', code: 'TYPE_UNKNOWN' },
      { row: 2, field: 'totalInvestment', code: 'NOT_A_NUMBER' },
      { row: 2, field: 'annualInvestment', code: 'NEGATIVE' },
      { row: 2, field: 'planLists', code: 'PLAN_LIST_MALFORMED' },
      { row: 3, field: 'annualInvestment', code: 'ANNUAL_ABOVE_TOTAL' },
      { row: 4, field: 'name', code: 'DUPLICATE_IN_FILE' },
      { row: 4, field: 'totalInvestment', code: 'REQUIRED' },
    ]);
  });

  it('refuses a file without the required columns, and an empty one', () => {
    expect(readProjectImportTable([['项目名称', '建设地点']]).problems.map((p) => p.field)).toEqual(['type', 'totalInvestment', 'annualInvestment']);
    expect(readProjectImportTable([HEADER]).problems).toEqual([{ row: 2, field: 'file', code: 'EMPTY' }]);
  });
});
