import { describe, expect, it } from 'vitest';
import { siteOf } from '../../src/health/site.ts';
import type { Fact, Group } from '../../src/directory/group.ts';
import { allGroups } from '../../src/directory/groups.ts';
import { groupForUrl, isDirectoryUrl, newHomeFor } from '../../src/directory/lookup.ts';

/** The forms printed in groups.md: (212) 870-3400, 1-800-950-6264, 800-950-6264, and 988. */
const US_PHONE = /^(?:\(\d{3}\) \d{3}-\d{4}|1-\d{3}-\d{3}-\d{4}|\d{3}-\d{3}-\d{4}|988|211)$/;
/** SMS short codes ("text 'helpline' to 62640", "text ZIP to 435748"): only ever for texting. */
const SHORT_CODE = /^\d{5,6}$|^\d{3}-\d{3}$/;
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
];

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
  const address = url.replace(/^https:\/\/web\.archive\.org\/web\/\d{14}\//, '');
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
    for (const phone of g.phones) {
      if (phone.label === 'text' && SHORT_CODE.test(phone.number)) continue;
      expect(phone.number).toMatch(US_PHONE);
    }
  });

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
