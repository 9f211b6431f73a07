// Enforces the dependency rules of DESIGN.md by reading every import in src/ and web/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'node_modules' && name !== 'dist') out.push(...files(p));
    } else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

interface Import {
  from: string;
  spec: string;
  target?: string; // resolved path for relative imports
}

function importsOf(file: string): Import[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map(({ fileName: spec }) => ({
    from: file,
    spec,
    ...(spec.startsWith('.') ? { target: resolve(dirname(file), spec).replace(/\.js$/, '.ts') } : {}),
  }));
}

const rel = (p: string) => relative(ROOT, p).split(sep).join('/');
const layerOf = (p: string) => {
  const r = rel(p);
  const m = /^src\/(core|platform|modules\/([^/]+))\//.exec(r);
  if (!m) return r.startsWith('web/') ? 'web' : 'root';
  return m[2] ? `module:${m[2]}` : m[1]!;
};

/** Returns the violations of the layer rules in the given files (exported for the rule's own test). */
export function violations(all: Import[]): string[] {
  const out: string[] = [];
  for (const imp of all) {
    const from = layerOf(imp.from);
    const where = `${rel(imp.from)} imports "${imp.spec}"`;
    const target = imp.target ? layerOf(imp.target) : undefined;
    const testSupport = (f: string) => /\/test-support(\/|\.tsx?$)/.test(rel(f));
    const isTest = /\.test\.tsx?$/.test(imp.from) || testSupport(imp.from);
    if (from === 'core') {
      if (BUILTINS.has(imp.spec) || imp.spec.startsWith('node:')) out.push(`${where}: core may not use Node built-ins`);
      if (target && target !== 'core') out.push(`${where}: core imports only core and libraries`);
    } else if (from === 'platform') {
      if (target && target !== 'core' && target !== 'platform' && !(isTest && target === 'root')) out.push(`${where}: platform imports only core and platform`);
    } else if (from.startsWith('module:')) {
      // Tests may also use another module's test support (its demo data, its fixtures).
      const viaIndex = !imp.target || /\/modules\/[^/]+\/index\.ts$/.test(rel(imp.target)) || (isTest && testSupport(imp.target));
      if (target?.startsWith('module:') && target !== from && !viaIndex) out.push(`${where}: other modules only through their index.ts`);
      if (target === 'root' && !isTest) out.push(`${where}: modules do not import composition roots`);
    } else if (from === 'web') {
      if (imp.target && !rel(imp.target).startsWith('web/')) out.push(`${where}: the web app talks to the server only over HTTP`);
    }
  }
  return out;
}

function moduleCycles(all: Import[]): string[] {
  const edges = new Map<string, Set<string>>();
  for (const imp of all) {
    const a = layerOf(imp.from);
    const b = imp.target ? layerOf(imp.target) : undefined;
    if (a.startsWith('module:') && b?.startsWith('module:') && a !== b) {
      if (!edges.has(a)) edges.set(a, new Set());
      edges.get(a)!.add(b);
    }
  }
  const cycles: string[] = [];
  const visit = (node: string, path: string[]) => {
    if (path.includes(node)) {
      cycles.push([...path.slice(path.indexOf(node)), node].join(' -> '));
      return;
    }
    for (const next of edges.get(node) ?? []) visit(next, [...path, node]);
  };
  for (const n of edges.keys()) visit(n, []);
  return cycles;
}

const allImports = [...files(join(ROOT, 'src')), ...files(join(ROOT, 'web/src'))].flatMap(importsOf);

describe('layers', () => {
  it('follow the dependency rules of DESIGN.md', () => {
    expect(violations(allImports)).toEqual([]);
  });

  it('have no cycles between modules', () => {
    expect(moduleCycles(allImports)).toEqual([]);
  });

  it('core uses no process globals', () => {
    const offenders = files(join(ROOT, 'src/core')).filter((f) => /\bprocess\.|\bglobalThis\./.test(readFileSync(f, 'utf8')));
    expect(offenders.map(rel)).toEqual([]);
  });

  it('catches a violation when one is there', () => {
    const fake = (from: string, spec: string): Import => ({
      from: join(ROOT, from),
      spec,
      target: resolve(dirname(join(ROOT, from)), spec).replace(/\.js$/, '.ts'),
    });
    expect(violations([fake('src/core/x.ts', '../platform/db/index.js')])).toHaveLength(1);
    expect(violations([{ from: join(ROOT, 'src/core/x.ts'), spec: 'node:fs' }])).toHaveLength(1);
    expect(violations([fake('src/platform/x.ts', '../modules/admin/index.js')])).toHaveLength(1);
    expect(violations([fake('src/modules/a/x.ts', '../b/routes.js')])).toHaveLength(1);
    expect(violations([fake('src/modules/a/x.ts', '../b/index.js')])).toHaveLength(0);
    expect(violations([fake('web/src/x.ts', '../../src/platform/config.js')])).toHaveLength(1);
    expect(moduleCycles([fake('src/modules/a/x.ts', '../b/index.js'), fake('src/modules/b/y.ts', '../a/index.js')])).toHaveLength(2);
  });
});
