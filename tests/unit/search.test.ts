import { describe, expect, it } from 'vitest';
import type { Group } from '../../src/directory/group.ts';
import { allGroups } from '../../src/directory/groups.ts';
import { fold, searchGroups, typosAllowed } from '../../src/directory/search.ts';

const ids = (query: string, top = 3): string[] =>
  searchGroups(query)
    .slice(0, top)
    .map((h) => h.group.id);
const first = (query: string): string | undefined => searchGroups(query)[0]?.group.id;

/** The longest word of the name, folded. */
function longestWord(name: string): string {
  return fold(name)
    .split(/[^\p{L}\p{N}]+/u)
    .reduce((a, b) => (b.length > a.length ? b : a), '');
}

/** One adjacent swap in the middle of the longest word ("nami" → "nmai"), moving left past doubled letters. */
function swapTypo(name: string): string {
  const word = longestWord(name);
  let i = Math.max(0, Math.floor(word.length / 2) - 1);
  while (i > 0 && word[i] === word[i + 1]) i--;
  const typo = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  return fold(name).replace(word, typo);
}

/** The middle letter of the longest word dropped ("alcoholics" → "alcoolics"). */
function dropTypo(name: string): string {
  const word = longestWord(name);
  const i = Math.floor(word.length / 2);
  return fold(name).replace(word, word.slice(0, i) + word.slice(i + 1));
}

const namesOf = (g: Group) => [
  ...g.formerNames.map((n) => ['former name', n] as const),
  ...g.acronyms.map((a) => ['acronym', a] as const),
];

describe('every group is found', () => {
  it.each(allGroups().map((g) => [g.name, g] as const))('%s: by its name (first)', (_name, g) => {
    expect(first(g.name)).toBe(g.id);
    expect(searchGroups(g.name)[0]!.formerly).toBeNull();
  });

  it.each(allGroups().flatMap((g) => namesOf(g).map(([kind, text]) => [g.id, kind, text, g] as const)))(
    '%s: by %s "%s" (top 3)',
    (_id, _kind, text, g) => {
      expect(ids(text)).toContain(g.id);
    },
  );

  it.each(allGroups().map((g) => [g.name, swapTypo(g.name), g] as const))(
    '%s: by a swapped-letter typo "%s" (top 3)',
    (_name, typo, g) => {
      expect(typo).not.toBe(fold(g.name));
      expect(ids(typo)).toContain(g.id);
    },
  );

  it.each(
    allGroups()
      .filter((g) => longestWord(g.name).length >= 5)
      .map((g) => [g.name, dropTypo(g.name), g] as const),
  )('%s: by a dropped-letter typo "%s" (top 3)', (_name, typo, g) => {
    expect(ids(typo)).toContain(g.id);
  });

  it('finds most groups first even with a typo', () => {
    const firsts = allGroups().filter((g) => first(swapTypo(g.name)) === g.id).length;
    expect(firsts / allGroups().length).toBeGreaterThanOrEqual(0.9);
  });

  it.each(allGroups().flatMap((g) => g.formerNames.map((n) => [n, g] as const)))(
    'says "formerly %s" when found by that old name',
    (former, g) => {
      const hit = searchGroups(former).find((h) => h.group.id === g.id)!;
      expect(hit.formerly).toBe(former);
    },
  );

  // A website that is one page of a larger body's site (SAMHSA's lines) is found by its name, not by a shared host.
  it.each(
    allGroups()
      .filter((g) => g.website && new URL(g.website).pathname === '/')
      .map((g) => [new URL(g.website!).hostname, g] as const),
  )('%s: by its website domain', (host, g) => {
    expect(first(host)).toBe(g.id);
    expect(first(`https://www.${host}/`)).toBe(g.id);
  });
});

describe('the issue’s examples', () => {
  it.each([
    ['ndmda', 'dbsa'],
    ['NDMDA', 'dbsa'],
    ['recovery inc', 'recovery-international'],
    ['Recovery, Inc.', 'recovery-international'],
    ['oc foundation', 'iocdf'],
    ['ocfoundation', 'iocdf'],
    ['ocfoundation.org', 'iocdf'],
    ['alcoholics anonymus', 'alcoholics-anonymous'],
    ['smrt recovery', 'smart-recovery'],
    ['nmai', 'nami'],
    ['mda', 'dbsa'],
    ['aa', 'alcoholics-anonymous'],
    ['A.A.', 'alcoholics-anonymous'],
    ['na', 'narcotics-anonymous'],
    ['alanon', 'al-anon'],
    ['al anon', 'al-anon'],
    ['codependents', 'co-dependents-anonymous'],
    ['coda', 'co-dependents-anonymous'],
    ['988', '988-lifeline'],
    ['national suicide prevention lifeline', '988-lifeline'],
    ['women sobriety', 'women-for-sobriety'],
    ['nmha.org', 'mental-health-america'],
    ['alateen', 'alateen'],
  ])('"%s" finds %s first', (query, id) => {
    expect(first(query)).toBe(id);
  });

  it('ignores case, accents and punctuation', () => {
    expect(searchGroups('Recovery, Inc.')).toEqual(searchGroups('recovery inc'));
    expect(searchGroups('RECOVERY   INC')).toEqual(searchGroups('recovery inc'));
    expect(searchGroups('Alcohólicos')).toEqual(searchGroups('alcoholicos'));
    expect(fold('Ñandú Çà')).toBe('nandu ca');
  });

  it('says which old name or domain found the group', () => {
    expect(searchGroups('recovery inc')[0]!.formerly).toBe('Recovery, Inc.');
    expect(searchGroups('ocfoundation')[0]!.formerly).toBe('ocfoundation.org');
    expect(searchGroups('suicide')[0]!.formerly).toBeNull();
  });

  it('finds results while a word is still being typed', () => {
    expect(first('alcoholics anon')).toBe('alcoholics-anonymous');
    expect(ids('rec', 2).sort()).toEqual(['recovery-dharma', 'recovery-international']);
    expect(first('depression and bip')).toBe('dbsa');
    expect(first('schizophr')).toBe('schizophrenia-alliance');
  });
});

describe('in Spanish', () => {
  it.each([
    ['Alcohólicos Anónimos', 'alcoholics-anonymous'],
    ['narcóticos anónimos', 'narcotics-anonymous'],
    ['jugadores anónimos', 'gamblers-anonymous'],
    ['Codependientes Anónimos', 'co-dependents-anonymous'],
    ['alianza de depresión y bipolar', 'dbsa'],
    ['salud mental américa', 'mental-health-america'],
    ['línea de suicidio', '988-lifeline'],
    ['Recuperación Internacional', 'recovery-international'],
  ])('"%s" finds %s first', (query, id) => {
    expect(first(query)).toBe(id);
  });
});

describe('what it does not find', () => {
  it.each([
    'zzzz',
    'xqzv wplk',
    '',
    '   ',
    '!!!',
    'org',
    'www',
    'https www com',
    'qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq',
  ])('"%s" finds nothing', (query) => {
    expect(searchGroups(query)).toEqual([]);
  });

  it('forgives no typo in short words: two-letter acronyms do not find each other', () => {
    expect(ids('na', 1)).toEqual(['narcotics-anonymous']);
    expect(searchGroups('ca').map((h) => h.group.id)).not.toContain('narcotics-anonymous');
    expect([typosAllowed('na'), typosAllowed('nami'), typosAllowed('anonymus')]).toEqual([0, 1, 2]);
  });

  it('leaves near-misses out when the query names a group exactly', () => {
    expect(searchGroups('nami').map((h) => h.group.id)).toEqual(['nami']);
  });
});
