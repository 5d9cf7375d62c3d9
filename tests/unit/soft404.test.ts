import { describe, expect, it } from 'vitest';
import { readPage } from '../../src/health/page-text.ts';
import {
  addressNamesErrorPage,
  deepLinkLandsOnHome,
  pageSaysMissing,
  pageSimilarity,
  SAME_PAGE_SIMILARITY,
  titleSaysMissing,
} from '../../src/health/soft404.ts';
import { article, html } from './fake-web.ts';

describe('title and heading say the page is missing', () => {
  it.each([
    'Page Not Found | NAMI',
    '404 Not Found',
    'Error 404',
    '404',
    'Oops! That page can’t be found. – DBSA',
    'Page not found - Emotions Anonymous',
    'Nothing found',
    'The page you requested could not be found',
    'This page does not exist',
    'Página no encontrada | Al-Anon',
    'Error 404 - Página no encontrada',
    'La página que busca no existe',
    'No se encontró la página',
    'Sorry, we can’t find that page',
  ])('"%s" says missing', (title) => {
    expect(titleSaysMissing(title)).toBe(true);
  });

  it.each([
    'Lost and Found: a support group for grieving parents',
    'Not Found Alone: stories of recovery',
    'Finding a meeting when you feel lost',
    'Encuentre una reunión | Alcohólicos Anónimos',
    'Found: 404 days sober and counting',
    'Error messages in the Big Book study guide',
    'Hope Not Found? Call the NAMI HelpLine',
    'Home | Narcotics Anonymous',
  ])('live look-alike "%s" does not', (title) => {
    expect(titleSaysMissing(title)).toBe(false);
  });

  it('reads the main heading when the title is a brand', () => {
    const page = readPage(
      html(
        'Depression and Bipolar Support Alliance',
        '<h1>Oops! That page can&rsquo;t be found.</h1><p>Try searching.</p>',
      ),
    );
    expect(pageSaysMissing(page)).toMatch(/heading/);
  });

  it('ignores "page not found" in running text of a live article', () => {
    const body = `<h1>Using the meeting finder</h1><p>If you see "page not found" when searching, clear the filter. ${'More help text here. '.repeat(50)}</p>`;
    expect(pageSaysMissing(readPage(html('Using the meeting finder | AA', body)))).toBeNull();
  });
});

describe('redirect targets', () => {
  it('a deep link landing on its own home page is gone', () => {
    expect(deepLinkLandsOnHome('https://www.mentalhelp.net/selfhelp/', 'https://www.mentalhelp.net/')).toBe(true);
    expect(
      deepLinkLandsOnHome(
        'http://dbsalliance.org/site/PageServer?pagename=peer_support_group_locator',
        'https://www.dbsalliance.org/',
      ),
    ).toBe(true);
    expect(deepLinkLandsOnHome('https://www.aa.org/pages/en_US/find-aa', 'https://www.aa.org/en/')).toBe(true);
  });

  it.each([
    ['http://aa.org/', 'https://www.aa.org/'],
    ['https://coda.org/index.html', 'https://coda.org/'],
    ['https://coda.org/home', 'https://coda.org/'],
    ['https://www.na.org/meetings', 'https://www.na.org/meetings/'],
    ['https://www.ocfoundation.org/about', 'https://iocdf.org/'], // another site: a move, judged elsewhere
    ['https://www.aa.org/es', 'https://www.aa.org/es/'],
  ])('%s → %s is not a landing on the home page', (from, to) => {
    expect(deepLinkLandsOnHome(from, to)).toBe(false);
  });

  it('a redirect to an error page is recognised by path segment, not by any "404" in a path', () => {
    expect(addressNamesErrorPage('https://njgroups.org/404.html', 'https://njgroups.org/groups/list')).toBe(true);
    expect(addressNamesErrorPage('https://www.nami.org/error?aspxerrorpath=/help', 'https://www.nami.org/help')).toBe(
      true,
    );
    expect(addressNamesErrorPage('https://growinamerica.org/not-found/', 'https://growinamerica.org/old')).toBe(true);
    expect(addressNamesErrorPage('https://www.aa.org/stories/404-days-sober', 'https://www.aa.org/s/1')).toBe(false);
    expect(addressNamesErrorPage('https://www.aa.org/404.html', 'https://www.aa.org/404.html')).toBe(false);
  });
});

describe('page similarity for the sibling probe', () => {
  it('the same template with the address echoed is the same page', () => {
    const a = html(
      'Sorry',
      '<p>We looked everywhere for old-meeting-list but it is not here. Try the search box above or call us.</p>',
    );
    const b = html(
      'Sorry',
      '<p>We looked everywhere for still-there-abc123 but it is not here. Try the search box above or call us.</p>',
    );
    expect(
      pageSimilarity(
        { body: a, url: 'https://x.org/old-meeting-list' },
        { body: b, url: 'https://x.org/still-there-abc123' },
      ),
    ).toBeGreaterThanOrEqual(0.9);
  });

  it('two real pages of one site are different pages', () => {
    expect(
      pageSimilarity(
        { body: article('Meetings', 'meetings'), url: 'https://x.org/a' },
        { body: article('Sponsors', 'sponsorship'), url: 'https://x.org/b' },
      ),
    ).toBeLessThan(SAME_PAGE_SIMILARITY);
  });
});
