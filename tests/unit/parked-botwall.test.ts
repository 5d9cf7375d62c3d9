import { describe, expect, it } from 'vitest';
import { botWallEvidence } from '../../src/health/bot-wall.ts';
import { readPage } from '../../src/health/page-text.ts';
import { parkedEvidence } from '../../src/health/parked.ts';
import { article, html } from './fake-web.ts';

describe('parked and for-sale domains', () => {
  it('a redirect through a parking service is parked', () => {
    expect(parkedEvidence(readPage(html('x')), ['www.jacsweb.org', 'sedoparking.com']).parked).toBe(true);
  });

  it('an AdSense-for-domains script is parked', () => {
    const page = readPage(
      html(
        'jacsweb.org',
        '<div id="ads"></div>',
        '<script src="https://www.google.com/adsense/domains/caf.js"></script>',
      ),
    );
    expect(parkedEvidence(page, []).parked).toBe(true);
  });

  it('a short page offering the domain for sale is parked, in English and Spanish', () => {
    expect(
      parkedEvidence(
        readPage(
          html(
            'selfhelpgroups.org',
            '<h1>This domain is for sale!</h1><a>Buy this domain</a><p>Make an offer today.</p>',
          ),
        ),
        [],
      ).parked,
    ).toBe(true);
    expect(
      parkedEvidence(
        readPage(html('Dominio en venta', '<h1>Este dominio está en venta</h1><p>Compra este dominio hoy.</p>')),
        [],
      ).parked,
    ).toBe(true);
  });

  it('an article that mentions domain sales once stays alive', () => {
    const body =
      article('Beware of look-alike websites', 'scams') +
      '<p>If a site says this domain is for sale, it is not ours.</p>';
    expect(parkedEvidence(readPage(body), []).parked).toBe(false);
  });

  it('one phrase on a short page is not enough', () => {
    expect(
      parkedEvidence(readPage(html('Our sponsors', '<p>Make an offer to sponsor our spring picnic.</p>')), []).parked,
    ).toBe(false);
  });
});

describe('bot walls are people-passable, never dead', () => {
  it('recognises the common walls', () => {
    expect(botWallEvidence(403, { 'cf-mitigated': 'challenge' }, null)).toMatch(/Cloudflare/);
    expect(botWallEvidence(202, { 'x-amzn-waf-action': 'challenge' }, null)).toMatch(/AWS/);
    expect(botWallEvidence(999, {}, null)).toMatch(/999/);
    const cf = readPage(
      html('Just a moment...', '', '<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script>'),
    );
    expect(botWallEvidence(503, { server: 'cloudflare' }, cf)).toMatch(/Cloudflare/);
  });

  it('an ordinary 403 or a page titled "Please wait for the next meeting" is not a wall', () => {
    expect(botWallEvidence(403, { server: 'nginx' }, readPage(html('Forbidden')))).toBeNull();
    expect(
      botWallEvidence(200, { server: 'nginx' }, readPage(html('Please wait for the next meeting list'))),
    ).toBeNull();
  });
});
