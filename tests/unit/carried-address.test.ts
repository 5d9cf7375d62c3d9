/**
 * Redirect wrappers (src/health/carried-address.ts): the address a link carries is what a person reaches, so it is
 * what spotting reads and what is checked; a share button's address is the page being shared, not a destination.
 */
import { describe, expect, it } from 'vitest';
import { addressKey } from '../../src/health/address.ts';
import { carriedAddress, destinationOf, mayCarryAddress } from '../../src/health/carried-address.ts';
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
