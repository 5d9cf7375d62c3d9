/**
 * The house's import graph, read from the source (static `import … from` and `export … from`): no file reaches back to
 * itself through its imports, nothing imports an entry point, the engine (src/health) imports nothing of ours but its
 * own files, and a surface (src/page-marker, src/popup, src/options, src/audit, src/background, src/cli) is imported
 * only by its own files and the entry points: no surface imports another, and no room below imports a surface. A
 * circle means two rooms that cannot be understood, tested or moved one without the other.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ROOMS = ['src', 'entrypoints', 'scripts', 'bin'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|js)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Imports of files of the tree: relative ones, and WXT's '@/' (the project's root). */
export function importsOf(file: string, text: string): string[] {
  const found: string[] = [];
  // Comments are blanked first, so an example in a comment is not an import; template strings are left alone
  // (a generator writes import lines inside them), so a line must start with the keyword.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const m of code.matchAll(/^\s*(?:import|export)\s(?:[^'"`;]*?\sfrom\s)?['"](\.{1,2}\/[^'"]+|@\/[^'"]+)['"]/gm)) {
    const target = m[1]!.startsWith('@/') ? path.join(ROOT, m[1]!.slice(2)) : path.resolve(path.dirname(file), m[1]!);
    if (/\.(ts|js|json)$/.test(target)) found.push(target);
  }
  return found;
}

const files = ROOMS.flatMap((room) => sourceFiles(path.join(ROOT, room)));
const graph = new Map(files.map((f) => [f, importsOf(f, readFileSync(f, 'utf8')).filter((t) => files.includes(t))]));
const rel = (f: string) => path.relative(ROOT, f);

/** Strongly connected components of more than one file, or of one file importing itself (Tarjan). */
function circles(g: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of g.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (g.get(v) ?? []).includes(v)) out.push(component.map(rel).sort());
    }
  };
  for (const v of g.keys()) if (!indices.has(v)) visit(v);
  return out;
}

/** The places a person meets still-there, each wired by its entry point. */
const SURFACES = ['src/page-marker/', 'src/popup/', 'src/options/', 'src/audit/', 'src/background/', 'src/cli/'];

/** Imports of a surface's file from anywhere but that surface and the entry points. */
export function surfaceCrossings(g: Map<string, string[]>): string[] {
  const surfaceOf = (file: string) => SURFACES.find((s) => file.startsWith(s)) ?? null;
  return [...g].flatMap(([from, to]) =>
    to
      .filter((t) => {
        const target = surfaceOf(t);
        return target !== null && surfaceOf(from) !== target && !from.startsWith('entrypoints/');
      })
      .map((t) => `${from} -> ${t}`),
  );
}

describe('the import graph', () => {
  it('reads the imports it is about (a sanity check of the reader)', () => {
    expect(graph.get(path.join(ROOT, 'src/background/start.ts'))!.map(rel)).toContain('src/health/engine.ts');
    expect(graph.get(path.join(ROOT, 'entrypoints/popup-script.ts'))!.map(rel)).toContain('src/popup/popup.ts');
    expect(
      circles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
          ['d', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b', 'c']]);
  });

  it('tells a crossing between surfaces (a sanity check of the rule)', () => {
    expect(
      surfaceCrossings(
        new Map([
          [
            'src/popup/popup-view.ts',
            ['src/page-marker/marks.ts', 'src/popup/verdict-watch.ts', 'src/words/describe.ts'],
          ],
          ['src/report/model.ts', ['src/cli/args.ts']],
          ['entrypoints/popup-script.ts', ['src/popup/popup.ts']],
        ]),
      ),
    ).toEqual(['src/popup/popup-view.ts -> src/page-marker/marks.ts', 'src/report/model.ts -> src/cli/args.ts']);
  });

  it('has no surface importing another surface, and no room below importing a surface', () => {
    const relative = new Map([...graph].map(([from, to]) => [rel(from), to.map(rel)]));
    expect(surfaceCrossings(relative)).toEqual([]);
  });

  it('has no circle', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('has no import of an entry point', () => {
    const intoEntrypoints = [...graph].flatMap(([from, to]) =>
      to
        .filter((t) => rel(t).startsWith('entrypoints/') && !rel(from).startsWith('entrypoints/'))
        .map((t) => `${rel(from)} -> ${rel(t)}`),
    );
    expect(intoEntrypoints).toEqual([]);
  });

  it('keeps the engine to itself: src/health imports only src/health', () => {
    const outward = [...graph]
      .filter(([from]) => rel(from).startsWith('src/health/'))
      .flatMap(([from, to]) =>
        to.filter((t) => !rel(t).startsWith('src/health/')).map((t) => `${rel(from)} -> ${rel(t)}`),
      );
    expect(outward).toEqual([]);
  });
});
