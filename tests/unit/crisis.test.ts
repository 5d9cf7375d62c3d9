/**
 * The popup's crisis-first search (src/directory/crisis.ts): a query naming a crisis, in English or Spanish, puts the
 * lines answering it first — that crisis's own lines, then the general ones — and everything else after, unchanged.
 */
import { describe, expect, it } from 'vitest';
import { crisisFirst, crisisTopic } from '../../src/directory/crisis.ts';
import type { CrisisTopic, Group } from '../../src/directory/group.ts';
import type { SearchHit } from '../../src/directory/search.ts';

function line(id: string, crisisTopics: CrisisTopic[]): Group {
  return {
    id,
    name: id,
    formerNames: [],
    acronyms: [],
    kinds: crisisTopics.length ? ['crisis'] : ['addiction'],
    website: null,
    otherDomains: [],
    formerDomains: [],
    unconfirmedFormerDomains: [],
    formerUrlPrefixes: [],
    phones: [],
    routes: [],
    email: null,
    address: null,
    meetingFinder: null,
    languages: [],
    topics: [],
    notes: null,
    crisisTopics,
    sources: [],
    verified: '2026-12-03',
    confidence: 'H',
  };
}

const LIFELINE = line('lifeline', ['suicide', 'crisis']);
const TEXT_LINE = line('text-line', ['crisis']);
const DV = line('dv-hotline', ['domestic-violence']);
const RAPE = line('rape-line', ['sexual-assault']);
const GROUP = line('support-group', []);
const ALL = [GROUP, LIFELINE, TEXT_LINE, DV, RAPE];
const hit = (group: Group, rank: number): SearchHit => ({
  group,
  matchedBy: 'name',
  matched: group.name,
  formerly: null,
  rank,
});

describe('which crisis a query names', () => {
  it.each([
    ['suicide', 'suicide'],
    ['Suicidal thoughts', 'suicide'],
    ['pensamientos suicidas', 'suicide'],
    ['quitarme la vida', 'suicide'],
    ['domestic violence', 'domestic-violence'],
    ['violencia doméstica', 'domestic-violence'],
    ['rape', 'sexual-assault'],
    ['violación', 'sexual-assault'],
    ['abuso sexual', 'sexual-assault'],
    ['crisis', 'crisis'],
    ['988', 'crisis'],
    ['línea de crisis', 'crisis'],
  ])('"%s" → %s', (query, topic) => {
    expect(crisisTopic(query)).toBe(topic);
  });

  it.each([
    'alcoholics anonymous',
    'nami',
    'grief',
    'recovery',
    'midlife crises of parents'.replace('crises', 'worries'),
    '9880 Main St',
  ])('"%s" names none', (query) => {
    expect(crisisTopic(query)).toBeNull();
  });
});

describe('crisis lines first', () => {
  it("puts the crisis's own lines first, then the general ones, then the search's hits in its order", () => {
    const hits = [hit(GROUP, 2)];
    expect(crisisFirst('suicide support group', hits, ALL).map((h) => h.group.id)).toEqual([
      'lifeline',
      'text-line',
      'support-group',
    ]);
    expect(crisisFirst('domestic violence', [], ALL).map((h) => h.group.id)).toEqual([
      'dv-hotline',
      'lifeline',
      'text-line',
    ]);
    expect(crisisFirst('crisis', [], ALL).map((h) => h.group.id)).toEqual(['lifeline', 'text-line']);
  });

  it('keeps a line the search found once, with how it was found', () => {
    const found = { ...hit(TEXT_LINE, 0), matchedBy: 'acronym' as const };
    const result = crisisFirst('crisis text line', [found], ALL);
    expect(result.filter((h) => h.group === TEXT_LINE)).toEqual([found]);
  });

  it('keeps an organisation first when the query spells out its name, and the lines right after it', () => {
    const afsp = line('American Foundation for Suicide Prevention: support for survivors of suicide loss', []);
    const hits = [hit(afsp, 0)];
    expect(crisisFirst(afsp.name, hits, [...ALL, afsp]).map((h) => h.group.id)).toEqual([
      afsp.id,
      'lifeline',
      'text-line',
    ]);
    // Two words besides the crisis's are a person's description, not a name: the lines first.
    expect(crisisFirst('suicide prevention group', hits, [...ALL, afsp]).map((h) => h.group.id)).toEqual([
      'lifeline',
      'text-line',
      afsp.id,
    ]);
  });

  it('leaves a query naming no crisis exactly as the search ranked it', () => {
    const hits = [hit(GROUP, 0), hit(LIFELINE, 3)];
    expect(crisisFirst('support', hits, ALL)).toEqual(hits);
  });
});
