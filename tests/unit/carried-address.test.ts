/**
 * Redirect wrappers (src/health/carried-address.ts): the address a link carries is what a person reaches, so it is
 * what spotting reads and what is checked; a share button's address is the page being shared, not a destination.
 */
import { describe, expect, it } from 'vitest';
import { addressKey } from '../../src/health/address.ts';
import {
  carriedAddress,
  destinationOf,
  mayBeWrapperHost,
  mayCarryAddress,
  mayCarryInAnyForm,
} from '../../src/health/carried-address.ts';
import { spotResource } from '../../src/directory/spotting.ts';

describe('the address a wrapper carries', () => {
  it.each([
    [
      "a site's own redirect script",
      'https://www.county.gov/redirect.php?url=https%3A%2F%2Fwww.aa.org%2Ffind-aa',
      'https://www.aa.org/find-aa',
    ],
    [
      'a "you are leaving this site" page',
      'https://www.county.gov/leaving?destination=https://na.org/meetingsearch/&lang=en',
      'https://na.org/meetingsearch/',
    ],
    [
      "Google's click wrapper",
      'https://www.google.com/url?q=https://al-anon.org/&sa=D&source=editors',
      'https://al-anon.org/',
    ],
    [
      "Facebook's outbound link",
      'https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.nami.org%2FSupport-Education%2F&h=AT0',
      'https://www.nami.org/Support-Education/',
    ],
    [
      'Outlook Safe Links',
      'https://nam02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.dbsalliance.org%2F&data=05%7C01&reserved=0',
      'https://www.dbsalliance.org/',
    ],
    [
      'Proofpoint v2',
      'https://urldefense.proofpoint.com/v2/url?u=https-3A__www.smartrecovery.org_local-2Dmeetings_&d=DwMFaQ&c=abc',
      'https://www.smartrecovery.org/local-meetings/',
    ],
    [
      'Proofpoint v3',
      'https://urldefense.com/v3/__https://www.emotionsanonymous.org/meetings__;!!ABC123!xyz$',
      'https://www.emotionsanonymous.org/meetings',
    ],
    [
      'a wrapper inside a wrapper',
      `https://nam02.safelinks.protection.outlook.com/?url=${encodeURIComponent('https://www.county.gov/redirect.php?url=https%3A%2F%2Fiocdf.org%2F')}`,
      'https://iocdf.org/',
    ],
  ])('%s', (_what, wrapper, carried) => {
    expect(mayCarryAddress(wrapper)).toBe(true);
    expect(carriedAddress(wrapper)).toBe(carried);
    expect(destinationOf(wrapper)).toBe(carried);
  });

  it.each([
    ['an ordinary link', 'https://www.aa.org/find-aa?lang=es'],
    ['a share button', 'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fwww.aa.org%2F'],
    ['a tweet intent', 'https://twitter.com/intent/tweet?url=https://na.org/'],
    ['a search for words', 'https://www.google.com/search?q=alcoholics+anonymous'],
    ['a parameter that is not an address', 'https://www.county.gov/redirect.php?url=javascript:alert(1)'],
    ['an address in a parameter wrappers do not use', 'https://www.aa.org/login?returnUrl=https://www.aa.org/account'],
    ['an archived copy', 'https://web.archive.org/web/20080513062455/https://www.aa.org/'],
  ])('none in %s', (_what, href) => {
    expect(carriedAddress(href)).toBeNull();
    expect(destinationOf(href)).toBe(href);
  });

  it('is the key a found link is checked and listed under', () => {
    expect(addressKey('https://www.county.gov/redirect.php?url=https%3A%2F%2Fwww.aa.org%2Ffind-aa%23top')).toBe(
      'https://www.aa.org/find-aa',
    );
    expect(addressKey('not an address')).toBe('not an address');
  });
});

/** A local intergroup's site, whose own redirect script sends every outside link on. */
const SITE = 'www.intergroup.example';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const b64url = (s: string) => Buffer.from(s).toString('base64url');

describe("every form, on the page's own site or a known click-tracker", () => {
  it.each([
    [
      'any parameter name, no scheme',
      `https://${SITE}/links/redirect.php?goto_site=www.aa-area.example.org`,
      'http://www.aa-area.example.org/',
    ],
    [
      'a bare host without "www."',
      `https://intergroup.example/r.asp?to2=aa-area.example.org/meetings`,
      'http://aa-area.example.org/meetings',
    ],
    [
      'a bare host, percent-encoded path',
      `https://${SITE}/x.php?l=www.aa-area.example.org%2Fmeetings%3Fday%3D1`,
      'http://www.aa-area.example.org/meetings?day=1',
    ],
    [
      'any parameter name, with scheme',
      `https://${SITE}/click?adr=https://na.org/meetingsearch/`,
      'https://na.org/meetingsearch/',
    ],
    [
      'the path, after a redirect script',
      `https://${SITE}/out/www.example.org/meetings/today`,
      'http://www.example.org/meetings/today',
    ],
    [
      'the path, a bare host after "go.php"',
      `https://${SITE}/go.php/aa-area.example.org`,
      'http://aa-area.example.org/',
    ],
    [
      'the path, percent-encoded',
      `https://${SITE}/go/https%3A%2F%2Fwww.aa.org%2Ffind-aa`,
      'https://www.aa.org/find-aa',
    ],
    [
      'the path, encoded twice',
      `https://${SITE}/go/https%253A%252F%252Fwww.aa.org%252Ffind-aa`,
      'https://www.aa.org/find-aa',
    ],
    ['the path, as written', `https://${SITE}/leave/https://al-anon.org/`, 'https://al-anon.org/'],
    ['the path, in base64', `https://${SITE}/r/${b64url('https://www.aa.org/')}`, 'https://www.aa.org/'],
    [
      'a parameter, in base64',
      `https://${SITE}/x.php?d=${b64('https://www.aa.org/a?b=c>')}`,
      'https://www.aa.org/a?b=c%3E',
    ],
    [
      'a parameter, in base64 then percent-encoded',
      `https://${SITE}/x.php?d=${encodeURIComponent(b64('https://www.aa.org/a?b=c>'))}`,
      'https://www.aa.org/a?b=c%3E',
    ],
    [
      'base64 of a bare host with "www."',
      `https://${SITE}/x?t=${b64url('www.aa-area.example.org')}`,
      'http://www.aa-area.example.org/',
    ],
    ['the fragment, as parameters', `https://${SITE}/leaving.html#url=https://na.org/`, 'https://na.org/'],
    ['the fragment, whole', `https://${SITE}/leaving.html#!https://na.org/`, 'https://na.org/'],
    ['a query that is an address whole', 'https://href.li/?https://www.aa.org/', 'https://www.aa.org/'],
    [
      "Yahoo's path form",
      'https://r.search.yahoo.com/_ylt=A0/RV=2/RU=https%3a%2f%2fwww.aa.org%2f/RK=2/RS=x',
      'https://www.aa.org/',
    ],
    [
      "Google's wrapper, a bare host, on any page",
      'https://www.google.com/url?sa=t&url=aa-area.example.org',
      'http://aa-area.example.org/',
    ],
    [
      "three layers: a mail scanner, a tracker, the site's own script",
      `https://nam02.safelinks.protection.outlook.com/?url=${encodeURIComponent(`https://www.google.com/url?q=${encodeURIComponent(`https://${SITE}/out/www.aa.org/`)}`)}`,
      'http://www.aa.org/',
    ],
  ])('%s', (_what, wrapper, carried) => {
    const host = new URL(wrapper).hostname;
    expect(mayBeWrapperHost(host, SITE), host).toBe(true);
    expect(mayCarryAddress(wrapper) || mayCarryInAnyForm(wrapper)).toBe(true);
    expect(carriedAddress(wrapper, SITE)).toBe(carried);
    expect(destinationOf(wrapper, SITE)).toBe(carried);
  });

  it('unwraps up to three layers, each on the page site or a tracker, then stops', () => {
    const inner = `https://${SITE}/out/www.aa.org/`;
    const two = `https://www.google.com/url?q=${encodeURIComponent(inner)}`;
    // The Google layer's carried address is on the page's site, so its own wrapper is read too.
    expect(carriedAddress(two, SITE)).toBe('http://www.aa.org/');
    const four = `https://www.google.com/url?q=${encodeURIComponent(`https://www.google.com/url?q=${encodeURIComponent(two)}`)}`;
    expect(carriedAddress(four, SITE)).toBe(inner);
  });

  it.each([
    ['the same forms on another site', `https://other.example/links/redirect.php?goto_site=www.aa-area.example.org`],
    ['a path form on another site', 'https://other.example/out/www.example.org/'],
    ['a bare host without a public suffix', `https://${SITE}/r.php?to=aa-area.internal`],
    ['a file that looks like a host', `https://${SITE}/minutes.php?doc=minutes.zip`],
    ['a version number', `https://${SITE}/style?x=1.2.3`],
    ['a page of the site to come back to', `https://${SITE}/login?next=www.intergroup.example/meetings`],
    ['a campaign tag naming a site', `https://${SITE}/meetings?utm_source=facebook.com`],
    ["a search of the site's own", `https://${SITE}/search?q=aa.org`],
    ['a relative link written without its scheme ("www.aa.org" on /links/)', `https://${SITE}/links/www.aa.org`],
    ['a first path segment', `https://${SITE}/www.aa.org`],
    ["a tracker's host outside its wrapper's path", 'https://www.youtube.com/results?search_query=aa.org'],
    ['a share intent, even on its own site', 'https://www.facebook.com/sharer/sharer.php?u=www.aa.org'],
    ['a tweet intent with a bare host', 'https://twitter.com/intent/tweet?url=na.org'],
    ['an ordinary page of the site', `https://${SITE}/about/index.html`],
    ['base64 that decodes to no address', `https://${SITE}/x?id=${b64url('hello there, friend')}`],
  ])('none in %s', (_what, href) => {
    const pageHost = new URL(href).hostname === 'other.example' ? SITE : new URL(href).hostname;
    expect(carriedAddress(href, pageHost)).toBeNull();
    expect(destinationOf(href, pageHost)).toBe(href);
  });

  it('reads the general forms only with the page it is on (or on a tracker)', () => {
    const wrapper = `https://${SITE}/links/redirect.php?goto_site=www.aa-area.example.org`;
    expect(carriedAddress(wrapper)).toBeNull();
    expect(carriedAddress(wrapper, 'intergroup.example')).toBe('http://www.aa-area.example.org/');
    expect(addressKey(wrapper, SITE)).toBe('http://www.aa-area.example.org/');
  });
});

describe('spotting reads the carried address', () => {
  it("spots a wrapper to a group's site whatever its words, and says so", () => {
    const spot = spotResource({
      href: 'https://www.county.gov/exit.asp?link=https%3A%2F%2Fwww.aa.org%2F',
      text: 'Click here',
      pageHost: 'www.county.gov',
    });
    expect(spot).toMatchObject({ resource: true, because: expect.stringMatching(/behind a redirect/) });
    expect(spot.group?.id).toBe('alcoholics-anonymous');
  });

  it("spots a link through the site's own redirect script, its destination written without a scheme", () => {
    const spot = spotResource({
      href: `https://${SITE}/links/redirect.php?goto_site=www.area52aa.example.org`,
      text: 'Area 52',
      pageHost: SITE,
    });
    expect(spot).toMatchObject({ resource: true, because: expect.stringMatching(/service body.*behind a redirect/) });
    expect(
      spotResource({ href: `https://${SITE}/links/redirect.php?goto_site=www.aa.org`, text: 'GSO', pageHost: SITE }),
    ).toMatchObject({ resource: true, group: { id: 'alcoholics-anonymous' } });
    // The same link found on another site is not read as this site's redirect script.
    expect(
      spotResource({
        href: `https://${SITE}/links/redirect.php?goto_site=www.aa.org`,
        text: 'GSO',
        pageHost: 'x.example',
      }).resource,
    ).toBe(false);
  });

  it("turns away a wrapper to an ordinary site, though on the directory's own host", () => {
    expect(
      spotResource({
        href: 'https://www.county.gov/redirect.php?url=https%3A%2F%2Fwww.irs.gov%2F',
        text: 'Tax forms',
        pageHost: 'www.county.gov',
      }).resource,
    ).toBe(false);
  });

  it("still turns away a share button that carries a group's address", () => {
    expect(
      spotResource({
        href: 'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fwww.aa.org%2F',
        text: 'Share',
        pageHost: 'www.county.gov',
      }).resource,
    ).toBe(false);
  });
});
