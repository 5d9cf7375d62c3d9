/**
 * The popup's crisis-first search (src/directory/crisis.ts, step 4 of find.ts's rule): a query naming a crisis, in
 * English or Spanish, puts the lines answering it first — 988 for suicide or any crisis unless a narrower line is
 * named, else that crisis's own lines, then the general ones — and everything else after, unchanged. And every
 * crisis line shows every way in, labelled, in the reader's language first.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { crisisFirst, crisisTopic, GENERAL_LINE, searchWithCrisisFirst } from '../../src/directory/crisis.ts';
import type { CrisisTopic, Group, Route } from '../../src/directory/group.ts';
import { allGroups } from '../../src/directory/groups.ts';
import { orderRoutes, routeHref } from '../../src/directory/routes.ts';
import type { SearchHit } from '../../src/directory/search.ts';
import { routeWords } from '../../src/popup/popup-view.ts';
import { resetMessages, useMessages } from './i18n-helper.ts';

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
    ['poison', 'poisoning'],
    ['sobredosis', 'poisoning'],
    ['IPV', 'domestic-violence'],
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
    'maltrato infantil',
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

describe('988 first, unless a narrower line is named', () => {
  const GENERAL = line(GENERAL_LINE, ['suicide', 'crisis']);
  const VETERANS = line('veterans-line', ['suicide', 'crisis']);
  const DIRECTORY = [GROUP, VETERANS, TEXT_LINE, GENERAL, DV];

  it('puts the general line first for suicide or any crisis, whatever the words found first', () => {
    const hits = [hit(VETERANS, 0), hit(TEXT_LINE, 1)];
    expect(crisisFirst('suicide', hits, DIRECTORY).map((h) => h.group.id)[0]).toBe(GENERAL_LINE);
    expect(crisisFirst('crisis line', hits, DIRECTORY).map((h) => h.group.id)[0]).toBe(GENERAL_LINE);
  });

  it('puts a line the other words name first, and the general line right after it', () => {
    const ids = crisisFirst('veterans crisis', [hit(VETERANS, 0)], DIRECTORY, [hit(VETERANS, 0)]).map(
      (h) => h.group.id,
    );
    expect(ids.slice(0, 2)).toEqual(['veterans-line', GENERAL_LINE]);
  });

  it('keeps a crisis’s own lines first when the crisis is narrower than "any crisis"', () => {
    expect(crisisFirst('domestic violence', [], DIRECTORY).map((h) => h.group.id)[0]).toBe('dv-hotline');
  });

  it.each([
    ['suicide', '988-lifeline', null],
    ['suicidio', '988-lifeline', null],
    ['crisis', '988-lifeline', null],
    ['crisis line', '988-lifeline', null],
    ['988', '988-lifeline', null],
    ['veterans crisis', 'veterans-crisis-line', '988-lifeline'],
    ['veterans suicide', 'veterans-crisis-line', '988-lifeline'],
    ['trans suicide', 'trans-lifeline', '988-lifeline'],
    // Both LGBTQ+ lines are named ("lgbtq" is Trevor's topic, and trans people's): both lead, then 988.
    ['lgbtq suicide', 'trevor-project', 'trans-lifeline'],
    ['crisis text line', 'crisis-text-line', '988-lifeline'],
  ])('in the directory, "%s" shows %s first (then %s)', (query, first, second) => {
    const ids = searchWithCrisisFirst(query).map((h) => h.group.id);
    expect(ids[0]).toBe(first);
    if (second) expect(ids[1]).toBe(second);
    expect(ids.indexOf('988-lifeline')).toBeLessThanOrEqual(2);
  });
});

describe('every way into every crisis line', () => {
  afterEach(resetMessages);
  const lines = allGroups().filter((g) => g.crisisTopics.length > 0);
  const byId = (id: string) => allGroups().find((g) => g.id === id)!;
  const has = (g: Group, pick: (r: Route) => boolean) => g.routes.some(pick);

  it.each(lines.map((g) => [g.id, g] as const))(
    '%s: has a route to call or text, each labelled in both languages',
    (_id, g) => {
      expect(has(g, (r) => r.way === 'call' || r.way === 'text')).toBe(true);
      for (const locale of ['en', 'es'] as const) {
        useMessages(locale);
        for (const route of g.routes) {
          const words = routeWords(route);
          expect(words.button.trim(), `${locale} ${route.way} ${route.to}`).not.toBe('');
          expect(words.label.trim()).not.toBe('');
          // The number to dial or write to is in the words themselves (a chat names its site in its label).
          expect(route.way === 'chat' ? words.label : words.button).toContain(
            route.way === 'chat' ? new URL(route.to).hostname.replace(/^www\./, '') : route.to,
          );
        }
      }
      for (const route of g.routes) {
        if (route.way === 'whatsapp') expect(routeHref(route)).toBeNull();
        else
          expect(routeHref(route), `${route.way} ${route.to}`).toMatch(
            /^(tel:\+?\d+|sms:\+?\d+(\?body=\w+)?|https:\/\/\S+)$/,
          );
      }
    },
  );

  it('988: Spanish by pressing 2 or texting AYUDA, chat in both, ASL by videophone', () => {
    const lifeline = byId('988-lifeline');
    expect(
      has(lifeline, (r) => r.way === 'call' && r.to === '988' && r.press === '2' && r.languages.includes('es')),
    ).toBe(true);
    expect(
      has(lifeline, (r) => r.way === 'text' && r.to === '988' && r.keyword === 'AYUDA' && r.languages.includes('es')),
    ).toBe(true);
    expect(has(lifeline, (r) => r.way === 'chat' && r.languages.includes('es'))).toBe(true);
    expect(has(lifeline, (r) => r.way === 'videophone' && r.languages.includes('ase'))).toBe(true);
  });

  it('the Crisis Text Line: AYUDA in Spanish (not HOLA), and WhatsApp', () => {
    const ctl = byId('crisis-text-line');
    expect(has(ctl, (r) => r.way === 'text' && r.keyword === 'AYUDA' && r.languages.includes('es'))).toBe(true);
    expect(has(ctl, (r) => r.keyword === 'HOLA')).toBe(false);
    expect(has(ctl, (r) => r.way === 'whatsapp' && r.languages.includes('es'))).toBe(true);
  });

  it('the Veterans Crisis Line: 988 then 1, text, chat and TTY', () => {
    const vcl = byId('veterans-crisis-line');
    expect(vcl.routes.map((r) => `${r.way} ${r.to}${r.press ? ` ${r.press}` : ''}`)).toEqual(
      expect.arrayContaining(['call 988 1', 'text 838255', 'tty 1-800-799-4889']),
    );
    expect(has(vcl, (r) => r.way === 'chat')).toBe(true);
  });

  it('shows the reader’s language first: Spanish routes first for a Spanish reader, English ones otherwise', () => {
    const lifeline = byId('988-lifeline');
    const spanishFirst = orderRoutes(lifeline.routes, ['es', 'en']);
    expect(spanishFirst[0]).toMatchObject({ way: 'call', to: '988', press: '2' });
    expect(orderRoutes(lifeline.routes, ['en'])[0]).toMatchObject({ way: 'call', to: '988' });
    expect(orderRoutes(lifeline.routes, ['en'])[0]!.press).toBeUndefined();
    // A route no source gives a language for stays between the reader's and the others.
    const neutral: Route = { way: 'tty', to: '1-800-000-0000', languages: [], cites: [] };
    const ordered = orderRoutes([...lifeline.routes, neutral], ['es']);
    expect(ordered.indexOf(neutral)).toBeLessThan(ordered.findIndex((r) => r.languages.includes('en')));
    useMessages('es');
    expect(routeWords(spanishFirst[0]!).button).toBe('Llame al 988 y marque 2');
    expect(routeWords(spanishFirst[1]!).button).toBe('Envíe AYUDA al 988');
  });

  it('dials a number printed with letters by its keys, and texts the keyword', () => {
    expect(routeHref({ way: 'call', to: '1-800-MY-RESET', languages: [], cites: [] })).toBe('tel:+18006973738');
    expect(routeHref({ way: 'text', to: '988', keyword: 'AYUDA', languages: [], cites: [] })).toBe(
      'sms:988?body=AYUDA',
    );
    expect(routeHref({ way: 'chat', to: 'javascript:alert(1)', languages: [], cites: [] })).toBeNull();
  });
});
