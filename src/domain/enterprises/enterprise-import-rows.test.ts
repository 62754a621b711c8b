import { describe, expect, it } from 'vitest';
import { parseCsv, readImportTable } from './enterprise-import-rows.ts';
import { completeUscc } from './uscc.ts';

const A = completeUscc('91220106MA0000001');

describe('enterprise import rows', () => {
  it('parses quoted CSV and reads Chinese headers', () => {
    const table = parseCsv(`\uFEFF企业名称,统一社会信用代码,行业代码,区划代码,地址\r\n"长春""演示""企业",${A.toLowerCase()},3670,220106,"绿园区, 青年路 1 号"\r\n`);
    const result = readImportTable(table);
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([{ row: 2, name: '长春"演示"企业', uscc: A, industryCode: '3670', districtCode: '220106', address: '绿园区, 青年路 1 号' }]);
  });

  it('reports every row’s problems with its line number', () => {
    const table = parseCsv(`name,uscc,industryCode,districtCode\n甲,${A},3670,220106\n乙,914403001922038217,9999,2201\n丙,${A},3670,220106\n`);
    expect(readImportTable(table).problems).toEqual([
      { row: 3, field: 'uscc', code: 'USCC_INVALID' },
      { row: 3, field: 'industryCode', code: 'INDUSTRY_CODE_UNKNOWN' },
      { row: 3, field: 'districtCode', code: 'DISTRICT_CODE_MALFORMED' },
      { row: 4, field: 'uscc', code: 'DUPLICATE_IN_FILE' },
    ]);
  });

  it('names missing columns', () => {
    expect(readImportTable([['name', 'uscc']]).problems.map((problem) => problem.field)).toEqual(['industryCode', 'districtCode']);
  });
});
