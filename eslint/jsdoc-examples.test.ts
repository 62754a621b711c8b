/**
 * The `@example`s of `src/domain` are type-checked: each example's code is compiled beside its module, with
 * every export of the module in scope, so an example that calls a function with the wrong arguments, a renamed
 * function or a removed one (an example must use something its module exports) fails here. Names an example leaves to its context (`calendar`, `hours`, a
 * `snapshot` …) are allowed to be undeclared; `…` stands for "the rest" and is dropped. Results after `//` are
 * prose for the reader and are not checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const DOMAIN = join(ROOT, 'src', 'domain');
/** "Cannot find name", "did you mean" and a shorthand property without a value: the example's context, not its fault. */
const CONTEXT_CODES = new Set([2304, 2552, 18004]);

interface Example { file: string; line: number; code: string; elided?: boolean }

/** An example that writes `…` shows only the properties that matter: the others are missing on purpose. */
function isElision(diagnostic: ts.Diagnostic): boolean {
  return /is missing (the following properties|in type)/.test(ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '));
}

function domainFiles(dir = DOMAIN): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return domainFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && entry.name !== 'index.ts' ? [path] : [];
  });
}

/** The code of each `@example` of a file: its lines up to the next tag or the comment's end. */
export function examplesOf(file: string, text: string): Example[] {
  const examples: Example[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const start = /^\s*(?:\/\*\*)?\s*\*?\s*@example\b(.*)$/.exec(lines[i]!);
    if (!start) continue;
    const body = [start[1]!.replace(/\*\/\s*$/, '')];
    for (let j = i + 1; j < lines.length && !/^\s*\*\//.test(lines[j]!) && !/^\s*\*\s*@/.test(lines[j]!) && !/\*\//.test(start[1]!); j += 1) {
      body.push(lines[j]!.replace(/^\s*\*\s?/, '').replace(/\*\/\s*$/, ''));
      if (/\*\//.test(lines[j]!)) break;
    }
    const kept = body.map((line) => line.replace(/\/\/.*$/, ''));
    const code = kept.map((line) => line.replace(/…/g, '')).join('\n').trim();
    if (code) examples.push({ file, line: i + 1, code, elided: kept.some((line) => line.includes('…')) });
  }
  return examples;
}

/** Compiles the examples beside their modules; @returns one message per problem, naming the example. */
export function checkExamples(examples: Example[]): string[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true, noEmit: true, skipLibCheck: true, allowImportingTsExtensions: true, types: [], lib: ['lib.es2023.d.ts'],
  };
  const virtual = new Map<string, Example & { lineOffset: number }>();
  const texts = new Map<string, string>();
  const problems: string[] = [];
  examples.forEach((example, n) => {
    const exported = exportsOf(example.file);
    // Undeclared names are context, so a renamed or removed function would pass unseen without this check.
    if (!exported.some((name) => new RegExp(`\\b${name}\\b`).test(example.code))) {
      problems.push(`${example.file.slice(ROOT.length + 1)}:${example.line}: the example uses nothing its module exports`);
    }
    const module = `./${example.file.split('/').at(-1)}`;
    const header = `import * as __module from '${module}';\nconst { ${exported.join(', ')} } = __module;\nexport {};\n`;
    const path = join(dirname(example.file), `__example_${n}.ts`);
    texts.set(path, `${header}${example.code}\n`);
    virtual.set(path, { ...example, lineOffset: header.split('\n').length - 1 });
  });
  const host = ts.createCompilerHost(options);
  const realGetSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) => texts.has(name) ? ts.createSourceFile(name, texts.get(name)!, version) : realGetSourceFile(name, version);
  const realFileExists = host.fileExists.bind(host);
  host.fileExists = (name) => texts.has(name) || realFileExists(name);
  const program = ts.createProgram([...texts.keys()], options, host);
  for (const path of texts.keys()) {
    const source = program.getSourceFile(path)!;
    for (const diagnostic of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
      const example = virtual.get(path)!;
      if (CONTEXT_CODES.has(diagnostic.code) || (example.elided && isElision(diagnostic))) continue;
      const at = diagnostic.start === undefined ? 0 : source.getLineAndCharacterOfPosition(diagnostic.start).line - example.lineOffset;
      problems.push(`${example.file.slice(ROOT.length + 1)}:${example.line} (example line ${at + 1}): ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`);
    }
  }
  return problems;
}

/** The value exports of a module, read from its text (enough for the domain's `export function/const`). */
function exportsOf(file: string): string[] {
  const names = [...readFileSync(file, 'utf8').matchAll(/^export (?:async )?(?:function\*?|const|let|class) (\w+)/gm)].map((m) => m[1]!);
  return names.length > 0 ? names : ['__none'];
}

describe('JSDoc examples in src/domain', () => {
  const examples = domainFiles().flatMap((file) => examplesOf(file, readFileSync(file, 'utf8')));

  it('are there to check', () => {
    expect(examples.length).toBeGreaterThan(30);
  });

  it('all compile against the code they document', { timeout: 60_000 }, () => {
    expect(checkExamples(examples)).toEqual([]);
  });

  it('would catch an example that calls its function wrongly or by a name it no longer has', { timeout: 60_000 }, () => {
    const file = join(DOMAIN, 'case', 'case-number.ts');
    const problems = checkExamples([{ file, line: 1, code: "formatCaseNumber('LY', '2026', 123)" }, { file, line: 2, code: 'formatCaseNumbr()' }]);
    expect(problems.some((p) => p.includes("Argument of type 'string' is not assignable to parameter of type 'number'"))).toBe(true);
    expect(problems).toContain('src/domain/case/case-number.ts:2: the example uses nothing its module exports');
  });
});
