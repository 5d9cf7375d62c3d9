import { describe, expect, it } from 'vitest';
import { siteOf } from '../../src/health/site.ts';
import type { Group } from '../../src/directory/group.ts';
import { allGroups } from '../../src/directory/groups.ts';
import { groupForUrl, isDirectoryUrl, newHomeFor } from '../../src/directory/lookup.ts';

/** The forms printed in groups.md: (212) 870-3400, 1-800-950-6264, 800-950-6264, and 988. */
const US_PHONE = /^(?:\(\d{3}\) \d{3}-\d{4}|1-\d{3}-\d{3}-\d{4}|\d{3}-\d{3}-\d{4}|988)$/;
/** SMS short codes ("text 'helpline' to 62640", "text ZIP to 435748"): only ever for texting. */
const SHORT_CODE = /^\d{5,6}$/;
const BARE_HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const byId = (id: string): Group => {
  const g = allGroups().find((x) => x.id === id);
  if (!g) throw new Error(`no group ${id}`);
  return g;
};

/** Every registrable domain a record claims, now or formerly, including the hosts of its old URL prefixes. */
function claimedSites(g: Group): Set<string> {
  const hosts = [
    ...(g.website ? [new URL(g.website).hostname] : []),
    ...g.otherDomains,
    ...g.formerDomains,
    ...g.unconfirmedFormerDomains,
    ...g.formerUrlPrefixes.map((p) => p.split('/')[0] ?? ''),
  ];
  return new Set(hosts.map((h) => siteOf(h)));
}

describe('directory schema', () => {
  it('holds every organisation of the contact-facts table', () => {
    expect(allGroups().length).toBeGreaterThanOrEqual(31);
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

  it.each(allGroups().map((g) => [g.id, g] as const))('%s: domains are bare hosts and prefixes have no scheme or www', (_id, g) => {
    for (const host of [...g.otherDomains, ...g.formerDomains, ...g.unconfirmedFormerDomains]) expect(host).toMatch(BARE_HOST);
    for (const prefix of g.formerUrlPrefixes) {
      expect(prefix).not.toMatch(/^[a-z]+:\/\//i);
      expect(prefix).not.toMatch(/^www\./i);
      expect(prefix.split('/')[0]).toMatch(BARE_HOST);
      expect(prefix).toContain('/');
    }
  });

  it.each(allGroups().map((g) => [g.id, g] as const))('%s: phones are printed US style', (_id, g) => {
    for (const phone of g.phones) {
      if (phone.label === 'text' && SHORT_CODE.test(phone.number)) continue;
      expect(phone.number).toMatch(US_PHONE);
    }
  });

  it.each(allGroups().map((g) => [g.id, g] as const))('%s: carries source, verification date and confidence', (_id, g) => {
    expect(g.source.trim().length).toBeGreaterThan(0);
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
    expect(groupForUrl('https://alateen.org/')?.id).toBe('al-anon');
    expect(newHomeFor('https://alateen.org/')).toBeNull();
  });

  it('respects domain boundaries', () => {
    expect(groupForUrl('https://panaa.org/')).toBeNull();
    expect(groupForUrl('https://aa.org.example.com/')).toBeNull();
    expect(groupForUrl('https://meetings.smartrecovery.org/meetings/')?.id).toBe('smart-recovery');
  });

  it('matches mentalhelp.net only under /selfhelp/', () => {
    expect(groupForUrl('https://www.mentalhelp.net/selfhelp/x')?.id).toBe('nj-self-help-group-clearinghouse');
    expect(newHomeFor('https://www.mentalhelp.net/selfhelp/x')).toBe('https://njgroups.org/');
    expect(groupForUrl('http://mentalhelp.net/selfhelp')?.id).toBe('nj-self-help-group-clearinghouse');
    expect(groupForUrl('https://www.mentalhelp.net/other')).toBeNull();
    expect(groupForUrl('https://www.mentalhelp.net/selfhelpers')).toBeNull();
  });

  it('matches Schizophrenics Anonymous only in its section of nsfoundation.org', () => {
    expect(newHomeFor('http://www.nsfoundation.org/sa/meetings.html')).toBe('https://sardaa.org/');
    expect(groupForUrl('http://www.nsfoundation.org/')).toBeNull();
  });

  it('treats old sections of a current domain as moved', () => {
    expect(newHomeFor('https://www.aa.org/assets/en_US/en_bigbook_chapt4.pdf')).toBe('https://aa.org/');
    expect(newHomeFor('http://www.dbsalliance.org/site/PageServer?pagename=peer_support_group_locator')).toBe('https://dbsalliance.org/');
    expect(newHomeFor('https://www.dbsalliance.org/support/')).toBeNull();
  });

  it('claims only the helpline page of samhsa.gov', () => {
    expect(groupForUrl('https://www.samhsa.gov/find-help/national-helpline')?.id).toBe('samhsa-national-helpline');
    expect(groupForUrl('https://www.samhsa.gov/data/')).toBeNull();
  });

  it('never matches unconfirmed former domains', () => {
    for (const url of ['http://www.ndmda.org/', 'http://recovery-inc.org/', 'http://selfhelpgroups.org/', 'http://jacsweb.org/']) {
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
