import { describe, expect, it } from 'vitest';
import type { Group } from '../../src/directory/group.ts';
import { allGroups } from '../../src/directory/groups.ts';
import { fold, searchGroups, typosAllowed } from '../../src/directory/search.ts';
import { searchWithCrisisFirst } from '../../src/directory/crisis.ts';
import { editDistance, findByNeed, queryIsSpanish, readQuery } from '../../src/directory/find.ts';
import { NEEDS } from '../../src/directory/needs.ts';

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

/**
 * What clinicians type with someone in front of them: a need, in English or Spanish, a clinician's acronym, a typo.
 * Each row: the query, the card the popup must show first, and cards that must be among the ten it shows. The rule
 * these hold is written once, in src/directory/find.ts.
 */
const CLINICIANS: ReadonlyArray<[query: string, first: string, alsoShown: string[]]> = [
  ['grief', 'griefshare', ['the-compassionate-friends', 'taps', 'afsp-suicide-loss-survivor-support']],
  ['bereavement', 'griefshare', ['the-compassionate-friends', 'parents-of-murdered-children']],
  ['bereavment', 'griefshare', ['the-compassionate-friends']],
  ['duelo', 'griefshare', ['the-compassionate-friends', 'taps']],
  ['military loss', 'taps', []],
  ['gambling', 'national-problem-gambling-helpline', ['gamblers-anonymous', 'gam-anon']],
  ['gamblng', 'national-problem-gambling-helpline', ['gamblers-anonymous', 'gam-anon']],
  ['juego', 'gamblers-anonymous', ['national-problem-gambling-helpline', 'gam-anon']],
  ['apuestas', 'gamblers-anonymous', ['gam-anon']],
  // The National Eating Disorders Association's name is the query's words (step 1); ANAD, with its groups, right after.
  ['eating disorder', 'neda', ['anad', 'overeaters-anonymous', 'food-addicts-in-recovery-anonymous']],
  ['ED', 'anad', ['overeaters-anonymous']],
  ['trastorno alimentario', 'anad', ['overeaters-anonymous']],
  ['anorexia', 'anad', []],
  ['dementia', 'alzheimers-association', []],
  ['demencia', 'alzheimers-association', []],
  ['dementa', 'alzheimers-association', []],
  ['lgbt', 'trevor-project', ['trans-lifeline']],
  ['LGBTQ+', 'trevor-project', ['trans-lifeline']],
  ['opioid', 'samhsa-national-helpline', ['heroin-anonymous', 'narcotics-anonymous']],
  ['OUD', 'samhsa-national-helpline', ['heroin-anonymous', 'narcotics-anonymous']],
  ['opiods', 'samhsa-national-helpline', ['heroin-anonymous']],
  ['drugs', 'narcotics-anonymous', ['samhsa-national-helpline']],
  ['drogas', 'narcotics-anonymous', ['samhsa-national-helpline']],
  ['alcoholismo', 'alcoholics-anonymous', ['moderation-management', 'alateen']],
  ['familia adicto', 'al-anon', ['nar-anon', 'families-anonymous']],
  ['poison', 'poison-control', ['988-lifeline']],
  ['envenenamiento', 'poison-control', []],
  ['overdose', 'poison-control', ['988-lifeline']],
  ['PPD', 'postpartum-support-international', ['national-maternal-mental-health-hotline']],
  ['postpartum', 'postpartum-support-international', ['national-maternal-mental-health-hotline']],
  ['depresión posparto', 'postpartum-support-international', ['national-maternal-mental-health-hotline']],
  ['DV', 'national-domestic-violence-hotline', ['stronghearts-native-helpline', 'loveisrespect', '988-lifeline']],
  ['IPV', 'national-domestic-violence-hotline', ['loveisrespect']],
  ['violencia doméstica', 'national-domestic-violence-hotline', ['loveisrespect']],
  ['dating violence', 'loveisrespect', ['national-domestic-violence-hotline']],
  ['rape', 'rainn-national-sexual-assault-hotline', ['988-lifeline']],
  ['abuso sexual', 'rainn-national-sexual-assault-hotline', []],
  ['maltrato infantil', 'childhelp-national-child-abuse-hotline', []],
  ['suicide', '988-lifeline', ['veterans-crisis-line', 'crisis-text-line', 'trevor-project', 'trans-lifeline']],
  ['suicidio', '988-lifeline', ['crisis-text-line', 'veterans-crisis-line']],
  ['crisis', '988-lifeline', ['crisis-text-line', 'veterans-crisis-line']],
  ['crisis line', '988-lifeline', ['veterans-crisis-line', 'crisis-text-line']],
  ['veterans crisis', 'veterans-crisis-line', ['988-lifeline']],
  ['trans suicide', 'trans-lifeline', ['988-lifeline']],
  ['lgbtq suicide', 'trevor-project', ['988-lifeline']],
  ['crisis text', 'crisis-text-line', ['988-lifeline']],
  ['ca', 'cocaine-anonymous', []],
  ['sex addiction', 'sex-and-love-addicts-anonymous', ['sex-addicts-anonymous']],
  ['buddhist recovery', 'refuge-recovery', []],
  ['ansiedad', 'adaa', []],
  ['toc', 'iocdf', ['obsessive-compulsive-anonymous']],
  ['esquizofrenia', 'schizophrenia-alliance', ['hearing-voices-network-usa']],
  ['loneliness', 'friendship-line', []],
  ['tbi', 'brain-injury-association-of-america', []],
  ['trata de personas', 'national-human-trafficking-hotline', []],
  ['homeless', 'national-runaway-safeline', []],
];

describe("a clinician's need, in English or Spanish", () => {
  const shown = (query: string) =>
    searchWithCrisisFirst(query)
      .slice(0, 10)
      .map((h) => h.group.id);

  it(`holds at least 40 queries (${CLINICIANS.length})`, () => {
    expect(CLINICIANS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CLINICIANS)('"%s" shows %s first, and %j among the cards', (query, firstId, also) => {
    const cards = shown(query);
    expect(cards[0], cards.join(' ')).toBe(firstId);
    for (const id of also) expect(cards, id).toContain(id);
  });

  it('reads a query of Spanish words as Spanish, and an English one as not', () => {
    for (const q of ['suicidio', 'duelo', 'trastorno alimentario', 'línea de suicidio', 'violencia doméstica'])
      expect(queryIsSpanish(q), q).toBe(true);
    for (const q of ['suicide', 'grief', 'eating disorder', 'nami']) expect(queryIsSpanish(q), q).toBe(false);
  });

  it('adds nothing after a name typed exactly, but a domain’s label is also a word', () => {
    expect(shown('nami')).toEqual(['nami']);
    // "postpartum" is postpartum.net's label and a need: the line named first, the other line after it.
    expect(shown('postpartum').slice(0, 2)).toEqual([
      'postpartum-support-international',
      'national-maternal-mental-health-hotline',
    ]);
  });

  it('ranks names, then topics, then kinds', () => {
    const grief = searchWithCrisisFirst('grief');
    const order = grief.map((h) => h.matchedBy);
    expect(order[0]).toBe('name');
    expect(order.indexOf('kind')).toBeGreaterThan(order.lastIndexOf('topic'));
    // POMC serves grief but no topic word of it says so: it comes with the grief kind, after the topics.
    expect(grief.find((h) => h.group.id === 'parents-of-murdered-children')?.matchedBy).toBe('kind');
  });
});

describe('typos in a need, and what is not one', () => {
  it('forgives one typo in a word of five letters or more, none in a shorter one', () => {
    expect(editDistance('bereavment', 'bereavement', 1)).toBe(1);
    expect(editDistance('gamblng', 'gambling', 1)).toBe(1);
    expect(readQuery('bereavment').needs[0]?.mean).toContain('grief');
    // "toc" is Spanish for OCD, "tcf" nothing: three letters get no typo.
    expect(readQuery('tca').needs).not.toEqual(readQuery('tcf').needs);
  });

  it('reads the acronyms clinicians use as their needs', () => {
    const meaning = (q: string) => readQuery(q).needs[0]?.mean[0];
    expect([meaning('PPD'), meaning('ED'), meaning('OUD'), meaning('DV'), meaning('IPV'), meaning('LGBTQ+')]).toEqual([
      'postpartum',
      'eating disorders',
      'opioid',
      'domestic violence',
      'domestic violence',
      'lgbtq',
    ]);
  });
});

/**
 * The search skips most of the directory for each query (typos.ts, search.ts's groups to rank, find.ts's phrases by
 * first word, topic-index.ts): these hold that what it skips could never have matched. Each would fail if a shortcut
 * dropped a true match.
 */
describe('what the search skips could not have matched', () => {
  /** Each neighbour swap in a word, leaving the rest of the text as it is. */
  function swapsIn(text: string, word: string): string[] {
    return [...word.slice(1)].map((_, i) => {
      const typo = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      return text.replace(word, typo);
    });
  }
  const hasAny = (query: string, id: string) => searchGroups(query).some((h) => h.group.id === id);

  it('finds every group by a swap in any word of four letters or more of each of its names, alone or in the name', () => {
    const lost: string[] = [];
    for (const g of allGroups())
      for (const name of [g.name, ...g.acronyms, ...g.formerNames].map(fold))
        for (const word of name.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4))
          for (const typo of swapsIn(word, word).filter((t) => t !== word))
            for (const query of [typo, name.replace(word, typo)])
              if (!hasAny(query, g.id)) lost.push(`${g.id}: "${query}"`);
    expect(lost).toEqual([]);
  });

  it('finds every group by each start of its name and domain, typed a letter at a time, with or without spaces', () => {
    const lost: string[] = [];
    for (const g of allGroups()) {
      const names = [fold(g.name), ...(g.website ? [new URL(g.website).hostname.replace(/^www\./, '')] : [])];
      for (const name of names.flatMap((n) => [n, n.replace(/[^\p{L}\p{N}]+/gu, '')]))
        for (let end = 1; end <= name.length; end++) {
          const typed = name.slice(0, end);
          // A query of address words alone ("com" of "Compassion…") finds nothing, by the rule.
          if (/^(http|https|www|org|com|net|gov)$/.test(typed.trim())) continue;
          if (!hasAny(typed, g.id)) lost.push(`${g.id}: "${typed}"`);
        }
    }
    expect(lost).toEqual([]);
  });

  it('reads every need from each of its phrases, and from a swap in each word of five letters or more', () => {
    const phraseWords = [
      ...new Set(NEEDS.flatMap((n) => [...n.say, ...(n.spanish ?? [])]).flatMap((say) => say.split(' '))),
    ];
    // A typo near another phrase's word too ("siolation": isolation, violación) may be read as that one, by the rule.
    const nearOnly = (typo: string, word: string) =>
      phraseWords.every((other) => other === word || editDistance(typo, other, typosAllowed(typo)) === Infinity);
    const lost: string[] = [];
    let checked = 0;
    for (const need of NEEDS)
      for (const say of [...need.say, ...(need.spanish ?? [])]) {
        const typos = say
          .split(' ')
          .filter((w) => w.length >= 5)
          .flatMap((w) =>
            swapsIn(w, w)
              .filter((t) => t !== w && nearOnly(t, w))
              .map((t) => say.replace(w, t)),
          );
        for (const query of [say, ...typos]) {
          checked++;
          if (!readQuery(query).needs.some((n) => n.mean === need.mean)) lost.push(`${need.mean[0]}: "${query}"`);
        }
      }
    expect(lost).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it('finds every group by a swap in each word of five letters or more of its topics, read as a topic word', () => {
    const lost: string[] = [];
    let checked = 0;
    for (const g of allGroups())
      for (const word of new Set(g.topics.flatMap((t) => fold(t).split(/[^\p{L}\p{N}+]+/u)))) {
        if (word.length < 5) continue;
        // A typo read as a need's or a kind's word ("lilness": illness) is not read as a topic word, by the rule.
        const typos = swapsIn(word, word).filter((t) => t !== word && readQuery(t).needs.some((n) => n.bare));
        for (const typo of typos) {
          checked++;
          if (!findByNeed(typo).some((h) => h.group.id === g.id)) lost.push(`${g.id}: "${typo}"`);
        }
      }
    expect(lost).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });
});
