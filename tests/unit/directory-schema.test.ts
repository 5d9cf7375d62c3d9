import { describe, expect, it } from 'vitest';
import { siteOf } from '../../src/health/site.ts';
import type { Fact, Group } from '../../src/directory/group.ts';
import { allGroups } from '../../src/directory/groups.ts';
import { groupForUrl, isDirectoryUrl, newHomeFor } from '../../src/directory/lookup.ts';

/** The forms printed in groups.md: (212) 870-3400, 1-800-950-6264, 800-950-6264, and 988. */
const US_PHONE = /^(?:\(\d{3}\) \d{3}-\d{4}|1-\d{3}-\d{3}-\d{4}|\d{3}-\d{3}-\d{4}|988|211)$/;
/** SMS short codes ("text 'helpline' to 62640", "text ZIP to 435748"): only ever for texting. */
const SHORT_CODE = /^\d{5,6}$|^\d{3}-\d{3}$/;
/** A number printed with letters, as its source prints it ("1-800-MY-RESET", "442-AYUDAME"): dialled by its keys. */
const VANITY = /^(?:1-\d{3}-[A-Z0-9-]{7,9}|\d{3}-[A-Z]{7})$/;
const BARE_HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A source's date as the page gives it: a year, a month or a day. */
const SOURCE_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
/**
 * Every fact a record can hold, each to be cited when not empty. Unconfirmed former domains are the exception by
 * definition: leads no source has confirmed, kept for the record and never matched (lookup.ts).
 */
const FACTS: Fact[] = [
  'name',
  'formerNames',
  'acronyms',
  'website',
  'otherDomains',
  'formerDomains',
  'formerUrlPrefixes',
  'phones',
  'email',
  'address',
  'meetingFinder',
  'languages',
  'notes',
  'topics',
  'routes',
];

/**
 * A proxy's or a mirror's copy of someone else's page: "…/proxy?url=…", any address carrying another address in its
 * query ("?url=https…", "?arsae=https…"), Google Translate's *.translate.goog, *.pages.dev mirrors, translation
 * proxies. It is not the source: a fact resting on one is kept only where another source gives it too.
 */
function isProxyOrMirror(url: string): boolean {
  const u = new URL(url);
  if (/\/proxy\b|proxy\?/i.test(`${u.pathname}${u.search}`)) return true;
  if ([...u.searchParams.values()].some((v) => /^https?:\/\//i.test(v))) return true;
  return /(^|\.)(translate\.goog|pages\.dev|weglot\.com|bardy\.io)$/i.test(u.hostname);
}

/** The facts and routes of a record that only a proxy or a mirror gives. */
function proxiedAlone(g: Pick<Group, 'sources' | 'routes'>): string[] {
  const others = g.sources.filter((s) => !isProxyOrMirror(s.url));
  return [
    ...g.sources
      .filter((s) => isProxyOrMirror(s.url))
      .flatMap((s) =>
        s.facts.filter((fact) => !others.some((o) => o.facts.includes(fact))).map((f) => `${f}: ${s.url}`),
      ),
    ...g.routes.filter((r) => r.cites.every(isProxyOrMirror)).map((r) => `${r.way} ${r.to}`),
  ];
}

/** A web archive's copy of a page, and the page it copies (a stored copy of the real page is the page). */
const ARCHIVED = [
  /^https:\/\/web\.archive\.org\/web\/\d{14}\//,
  /^https:\/\/webarchive\.library\.unt\.edu\/web\/\d{14}\//,
  /^https:\/\/cybercemetery\.unt\.edu\/archive\/[\w-]+\/\d{14}\//,
];
function archivedPage(url: string): string {
  for (const prefix of ARCHIVED) if (prefix.test(url)) return url.replace(prefix, '');
  return url;
}

/** The first five letters of a word (the whole of a shorter one): "gambling" and "Gamblers" share "gambl". */
const stem = (w: string) => w.slice(0, 5);
const foldedWords = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** An http(s) address, or the Wayback Machine's copy of one (https://web.archive.org/web/<14 digits>/<address>). */
function isCitableAddress(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  if (u.hostname === 'web.archive.org') return /^https:\/\/web\.archive\.org\/web\/\d{14}\/https?:\/\/[^/]+/.test(url);
  return u.hostname.includes('.');
}

/** Whether a source is the organisation's own page: on its website's site or one of its domains (or a copy of one). */
function isOwnPage(g: Group, url: string): boolean {
  const address = archivedPage(url);
  let host: string;
  try {
    host = new URL(address).hostname;
  } catch {
    return false;
  }
  const own = [g.website ? new URL(g.website).hostname : null, ...g.otherDomains, ...g.formerDomains]
    .filter((h): h is string => h !== null)
    .map(siteOf);
  return own.includes(siteOf(host));
}

const byId = (id: string): Group => {
  const g = allGroups().find((x) => x.id === id);
  if (!g) throw new Error(`no group ${id}`);
  return g;
};

/** Every registrable domain a record claims, now or formerly, including the hosts of its old URL prefixes. */
function claimedSites(g: Group): Set<string> {
  const hosts = [
    // A website with a path (SAMHSA's helpline page) claims that page and below, not the whole host (lookup.ts).
    ...(g.website && new URL(g.website).pathname === '/' ? [new URL(g.website).hostname] : []),
    ...g.otherDomains,
    ...g.formerDomains,
    ...g.unconfirmedFormerDomains,
    ...g.formerUrlPrefixes.map((p) => p.split('/')[0] ?? ''),
  ];
  return new Set(hosts.map((h) => siteOf(h)));
}

describe('directory schema', () => {
  it('holds at least 60 organisations', () => {
    expect(allGroups().length).toBeGreaterThanOrEqual(60);
  });

  it('has unique kebab-case ids', () => {
    const ids = allGroups().map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it.each(allGroups().map((g) => [g.id, g] as const))('%s: names, acronyms and kinds are clean', (_id, g) => {
    for (const name of [g.name, ...g.formerNames, ...g.acronyms]) {
      expect(name.length).toBeGreaterThan(0);
      expect(name).toBe(name.trim());
    }
    expect(g.kinds.length).toBeGreaterThan(0);
    expect(new Set(g.kinds).size).toBe(g.kinds.length);
  });

  it.each(allGroups().map((g) => [g.id, g] as const))('%s: web addresses are canonical https URLs', (_id, g) => {
    for (const url of [g.website, g.meetingFinder]) {
      if (url === null) continue;
      const parsed = new URL(url);
      expect(parsed.protocol).toBe('https:');
      // Canonical form, so comparisons against what the checker reports are plain string comparisons.
      expect(parsed.href).toBe(url);
    }
  });

  it.each(allGroups().map((g) => [g.id, g] as const))(
    '%s: domains are bare hosts and prefixes have no scheme or www',
    (_id, g) => {
      for (const host of [...g.otherDomains, ...g.formerDomains, ...g.unconfirmedFormerDomains])
        expect(host).toMatch(BARE_HOST);
      for (const prefix of g.formerUrlPrefixes) {
        expect(prefix).not.toMatch(/^[a-z]+:\/\//i);
        expect(prefix).not.toMatch(/^www\./i);
        expect(prefix.split('/')[0]).toMatch(BARE_HOST);
        expect(prefix).toContain('/');
      }
    },
  );

  it.each(allGroups().map((g) => [g.id, g] as const))('%s: phones are printed US style', (_id, g) => {
    for (const phone of g.phones) expect(phone.number).toMatch(US_PHONE);
  });

  it.each(allGroups().map((g) => [g.id, g] as const))(
    '%s: every route is one way in, printed as its sources print it, in known languages',
    (_id, g) => {
      for (const route of g.routes) {
        expect(['call', 'text', 'chat', 'tty', 'videophone', 'relay', 'whatsapp']).toContain(route.way);
        if (route.way === 'chat') expect(new URL(route.to).protocol, route.to).toBe('https:');
        else if (route.way === 'text')
          expect(route.to).toMatch(
            new RegExp(`${US_PHONE.source}|${SHORT_CODE.source}|${VANITY.source}|^\\d{3}-\\d{3}$|^800GAM$`),
          );
        else if (route.way === 'relay') expect(route.to).toBe('711');
        else expect(route.to).toMatch(new RegExp(`${US_PHONE.source}|${VANITY.source}`));
        if (route.press !== undefined) expect(route.press).toMatch(/^\d$/);
        if (route.keyword !== undefined) expect(route.keyword).toMatch(/^[A-Z0-9]+$|^[a-z]+$/);
        for (const code of route.languages) expect(code).toMatch(/^[a-z]{2,3}(?:-[A-Z]{2})?$/);
      }
    },
  );

  it.each(allGroups().map((g) => [g.id, g] as const))(
    '%s: every route cites the sources it was read on, each one of the record’s sources listing routes',
    (_id, g) => {
      const citing = new Set(g.sources.filter((s) => s.facts.includes('routes')).map((s) => s.url));
      for (const route of g.routes) {
        expect(route.cites.length, `${route.way} ${route.to}`).toBeGreaterThan(0);
        for (const url of route.cites) expect(citing.has(url), `${route.way} ${route.to}: ${url}`).toBe(true);
      }
      // A source that says it gives routes gives at least one of them.
      for (const url of citing)
        expect(
          g.routes.some((r) => r.cites.includes(url)),
          url,
        ).toBe(true);
    },
  );

  it.each(allGroups().map((g) => [g.id, g] as const))('%s: no fact rests on a proxy or a mirror alone', (_id, g) => {
    expect(proxiedAlone(g)).toEqual([]);
  });

  it.each(allGroups().map((g) => [g.id, g] as const))(
    '%s: its topics are its own words, as its cited name and notes give them',
    (_id, g) => {
      const text = new Set(
        [g.name, ...g.formerNames, ...g.acronyms, g.notes ?? ''].flatMap(foldedWords).flatMap((w) => [w, stem(w)]),
      );
      for (const topic of g.topics)
        for (const word of foldedWords(topic).filter((w) => !['a', 'of', 'and', 'the'].includes(w)))
          expect(text.has(word) || text.has(stem(word)), `${topic}: "${word}"`).toBe(true);
    },
  );

  it.each(allGroups().map((g) => [g.id, g] as const))(
    '%s: every source is an address (or an archived copy of one) with its own date',
    (_id, g) => {
      expect(g.sources.length).toBeGreaterThan(0);
      for (const source of g.sources) {
        expect(isCitableAddress(source.url), source.url).toBe(true);
        if (source.date !== null) {
          expect(source.date, source.url).toMatch(SOURCE_DATE);
          // A source cannot be dated after the record was checked against it.
          expect(source.date.localeCompare(g.verified), source.url).toBeLessThanOrEqual(0);
        }
        expect(source.facts.length, source.url).toBeGreaterThan(0);
      }
    },
  );

  it.each(allGroups().map((g) => [g.id, g] as const))('%s: every fact it holds is cited by a source', (_id, g) => {
    const cited = new Set(g.sources.flatMap((s) => s.facts));
    const held = FACTS.filter((fact) => {
      const value = g[fact];
      return Array.isArray(value) ? value.length > 0 : value !== null;
    });
    expect(held.filter((fact) => !cited.has(fact))).toEqual([]);
  });

  it.each(allGroups().map((g) => [g.id, g] as const))(
    "%s: its confidence follows its sources (H: one is the organisation's own page)",
    (_id, g) => {
      const own = g.sources.some((s) => isOwnPage(g, s.url));
      if (g.confidence === 'H') expect(own).toBe(true);
      if (g.sources.every((s) => s.weak)) expect(g.confidence).toBe('L');
    },
  );

  it.each(allGroups().map((g) => [g.id, g] as const))('%s: carries a verification date and confidence', (_id, g) => {
    expect(g.verified).toMatch(ISO_DATE);
    expect(Number.isNaN(Date.parse(g.verified))).toBe(false);
    expect(['H', 'M', 'L']).toContain(g.confidence);
    if (g.email !== null) expect(g.email).toMatch(/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/);
    for (const code of g.languages) expect(code).toMatch(/^[a-z]{2,3}(?:-[A-Z]{2})?$/);
  });

  it('keeps the old names old guides use', () => {
    expect(byId('dbsa').acronyms).toEqual(expect.arrayContaining(['NDMDA', 'MDA']));
    expect(byId('dbsa').formerNames).toContain('National Depressive and Manic-Depressive Association');
    expect(byId('iocdf').formerNames).toContain('Obsessive Compulsive Foundation');
    expect(byId('recovery-international').formerNames).toContain('Recovery, Inc.');
    expect(byId('mental-health-america').formerNames).toContain('National Mental Health Association');
    expect(byId('nami').formerNames).toContain('National Alliance for the Mentally Ill');
    expect(byId('schizophrenia-alliance').formerNames).toContain('Schizophrenics Anonymous');
    expect(byId('988-lifeline').formerNames).toContain('National Suicide Prevention Lifeline');
    expect(byId('jacs').website).toBeNull();
  });

  it('no registrable domain is claimed by two groups', () => {
    // Strict on purpose: a shared domain would make groupForUrl's answer depend on list order. Where the source
    // ties one section of a shared host to a group (mentalhelp.net/selfhelp/, nsfoundation.org/sa/), exactly
    // one record holds it, as a prefix; the rest of that host belongs to nobody in the directory.
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const g of allGroups()) {
      for (const site of claimedSites(g)) {
        const previous = owner.get(site);
        if (previous && previous !== g.id) clashes.push(`${site}: ${previous} and ${g.id}`);
        owner.set(site, g.id);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('proxies and mirrors are not sources', () => {
  it.each([
    'https://app.altruwe.org/proxy?url=https%3A%2F%2Fwww.samhsa.gov%2F%2Ffind-help%2Fnational-helpline',
    'https://hqproductreviews.com?arsae=https%3A%2F%2Fwww.gam-anon.org%2Fgam-anon-can-help%2Ftools-of-the-gam-anon-program',
    'https://verywellmindai.pages.dev/posts/what-is-food-addicts-anonymous-',
    'https://www-samhsa-gov.translate.goog/find-help/national-helpline?_x_tr_sl=en&_x_tr_tl=es',
    'https://example.com/go?url=https://www.aa.org/',
    'https://proxy.weglot.com/wg_a52b/en/de/en.wikipedia.org/wiki/X',
  ])('%s is a proxy or a mirror', (url) => {
    expect(isProxyOrMirror(url)).toBe(true);
  });

  it.each([
    'https://www.samhsa.gov/find-help/national-helpline',
    'https://web.archive.org/web/20150905103649/http://www.nmha.org/legislative-priorities',
    'https://www.webmd.com/mental-health/features/988-suicide-prevention-overview?src=RSS_PUBLIC',
    'https://na.org/?ID=reports-nawsnews-en-nawsnews98-4',
  ])('%s is a page of its own (or a stored copy of one)', (url) => {
    expect(isProxyOrMirror(url)).toBe(false);
  });

  it('refuses a fact or a route that only a proxy gives, and keeps one a second source agrees on', () => {
    const proxy = 'https://app.altruwe.org/proxy?url=https%3A%2F%2Fwww.samhsa.gov%2F';
    const real = 'https://www.samhsa.gov/find-help/national-helpline';
    const route = { way: 'call' as const, to: '1-800-662-4357', languages: [], cites: [proxy] };
    const alone = { sources: [{ url: proxy, date: '2021', facts: ['routes', 'name'] as Fact[] }], routes: [route] };
    expect(proxiedAlone(alone)).toEqual([`routes: ${proxy}`, `name: ${proxy}`, 'call 1-800-662-4357']);
    const agreed = {
      sources: [...alone.sources, { url: real, date: '2021', facts: ['routes', 'name'] as Fact[] }],
      routes: [{ ...route, cites: [proxy, real] }],
    };
    expect(proxiedAlone(agreed)).toEqual([]);
  });
});

describe('groupForUrl and newHomeFor', () => {
  it('sends an Obsessive Compulsive Foundation deep link to the IOCDF', () => {
    const old = 'http://www.ocfoundation.org/uploadedfiles/maincontent/find-help/hoarding.pdf';
    expect(groupForUrl(old)?.id).toBe('iocdf');
    expect(newHomeFor(old)).toBe('https://iocdf.org/');
  });

  it('knows nmha.org as Mental Health America', () => {
    expect(groupForUrl('http://www.nmha.org/go/find_support_group')?.id).toBe('mental-health-america');
    expect(newHomeFor('http://www.nmha.org/')).toBe('https://mhanational.org/');
    expect(newHomeFor('https://www.mentalhealthamerica.net/find-support-groups')).toBe('https://mhanational.org/');
  });

  it('finds the group for a current address but offers no new home', () => {
    expect(groupForUrl('https://www.aa.org/find-aa')?.id).toBe('alcoholics-anonymous');
    expect(newHomeFor('https://www.aa.org/find-aa')).toBeNull();
    // A companion domain the group uses today is the group's, and no sign it moved.
    expect(groupForUrl('https://acawso.org/')?.id).toBe('adult-children-of-alcoholics');
    expect(newHomeFor('https://acawso.org/')).toBeNull();
  });

  it('respects domain boundaries', () => {
    expect(groupForUrl('https://panaa.org/')).toBeNull();
    expect(groupForUrl('https://aa.org.example.com/')).toBeNull();
    expect(groupForUrl('https://meetings.smartrecovery.org/meetings/')?.id).toBe('smart-recovery');
  });

  it("claims no section of a shared host that no source ties to a group (mentalhelp.net's old /selfhelp/ pages)", () => {
    expect(groupForUrl('https://www.mentalhelp.net/selfhelp/x')).toBeNull();
  });

  it('matches Schizophrenics Anonymous only in its section of nsfoundation.org', () => {
    expect(newHomeFor('http://www.nsfoundation.org/sa/meetings.html')).toBe('https://sczaction.org/');
    expect(groupForUrl('http://www.nsfoundation.org/')).toBeNull();
  });

  it('treats old sections of a current domain as moved', () => {
    expect(newHomeFor('https://www.aa.org/assets/en_US/en_bigbook_chapt4.pdf')).toBe('https://aa.org/');
    expect(newHomeFor('https://www.dbsalliance.org/support/')).toBeNull();
  });

  it('claims only the helpline page of samhsa.gov', () => {
    expect(groupForUrl('https://www.samhsa.gov/find-help/national-helpline')?.id).toBe('samhsa-national-helpline');
    expect(groupForUrl('https://www.samhsa.gov/data/')).toBeNull();
  });

  it('never matches unconfirmed former domains', () => {
    for (const url of [
      'http://www.ndmda.org/',
      'http://recovery-inc.org/',
      'http://selfhelpgroups.org/',
      'http://jacsweb.org/',
    ]) {
      expect(groupForUrl(url)).toBeNull();
      expect(newHomeFor(url)).toBeNull();
    }
  });

  it('ignores what is not a web address', () => {
    expect(groupForUrl('mailto:help@aa.org')).toBeNull();
    expect(groupForUrl('not a url')).toBeNull();
  });

  it('vouches only for https addresses on current websites', () => {
    for (const g of allGroups()) if (g.website) expect(isDirectoryUrl(g.website)).toBe(true);
    expect(isDirectoryUrl('https://www.iocdf.org/')).toBe(true);
    expect(isDirectoryUrl('http://iocdf.org/')).toBe(false);
    expect(isDirectoryUrl('https://ocfoundation.org/')).toBe(false);
    expect(isDirectoryUrl('https://example.org/')).toBe(false);
    expect(isDirectoryUrl('https://user@iocdf.org/')).toBe(false);
  });
});
