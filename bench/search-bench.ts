/**
 * Benchmark (prints figures, never passes or fails): the popup's search over the bundled directory, per query,
 * beside a floor — what any search over the same names must spend at least: folding the query and testing it
 * against every group's names with String.includes. Queries: former names, acronyms, misspellings, one letter,
 * nonsense, and one swapped-letter typo of every group's name.
 *   npm run bench:search
 */
import { allGroups } from '../src/directory/groups.ts';
import { buildIndex, fold } from '../src/directory/search.ts';

const groups = allGroups();
/** The longest word's two middle letters swapped ("nami" → "nmai"), as a hurried typist. */
function swapTypo(name: string): string {
  const word = fold(name)
    .split(/\s+/)
    .reduce((a, b) => (b.length > a.length ? b : a), '');
  const i = Math.max(0, Math.floor(word.length / 2) - 1);
  return fold(name).replace(word, word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
}
const queries = [
  'ndmda',
  'recovery inc',
  'oc foundation',
  'alcoholics anonymus',
  'smrt recovery',
  'nmai',
  'zzzz',
  'a',
  'national',
  ...groups.map((g) => swapTypo(g.name)),
];

const index = buildIndex(groups);
const names = groups.map((g) => [g.name, ...g.formerNames, ...g.acronyms].map(fold));
const floorSearch = (q: string) => {
  const f = fold(q);
  return names.filter((n) => n.some((x) => x.includes(f))).length;
};

/** Mean µs per query over `rounds` passes, after a warm-up pass for the JIT. */
function perQuery(search: (q: string) => unknown, rounds: number): number {
  for (const q of queries) search(q);
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const q of queries) search(q);
  return ((performance.now() - start) * 1000) / (rounds * queries.length);
}

const ours = perQuery((q) => index.search(q), 200);
const floor = perQuery(floorSearch, 200);
let slowest = { query: '', us: 0 };
for (const q of queries) {
  const start = performance.now();
  for (let r = 0; r < 50; r++) index.search(q);
  const us = ((performance.now() - start) * 1000) / 50;
  if (us > slowest.us) slowest = { query: q, us };
}
console.log(
  [
    `search over ${groups.length} groups, ${queries.length} queries (Node ${process.versions.node})`,
    `  ours   ${ours.toFixed(1)} µs per query (slowest: "${slowest.query}", ${slowest.us.toFixed(1)} µs)`,
    `  floor  ${floor.toFixed(1)} µs per query (fold + includes over every name)`,
    `  ratio  ${(ours / floor).toFixed(2)}× the floor`,
  ].join('\n'),
);
