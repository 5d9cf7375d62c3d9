/**
 * The page-level first test (src/first-look/page-precheck.ts), on the page as the first look reads and sends it
 * (test pages written as markup, read as the live page gives them: page-from-markup.ts), lets the marker stay out of
 * a page altogether.
 * Skipping a page that has a resource link would leave a dead link unmarked, so the test is mostly about what it
 * must NOT pass over: every labelled resource link of the real pages, every signal the per-link judgement uses.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judgeResource } from '../../src/directory/spotting.ts';
import { pageMayHoldResources as precheck } from '../../src/first-look/page-precheck.ts';
import { pageFromHtml } from './page-from-markup.ts';
import type { UnlabelledLink } from '../../scripts/labelled-links.ts';

const pageMayHoldResources = (html: string, hosts: readonly string[]) =>
  precheck(pageFromHtml(html, `https://${hosts[0]}/guide/`), hosts);

const HOST = 'www.county-guide.example';
const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const page = (body: string) => `<body><main><ul>${body}</ul></main></body>`;
const ordinary = Array.from(
  { length: 50 },
  (_, i) =>
    `<li><a href="https://www.news-${i}.example.com/2026/story-${i}">Story ${i}: read online, find us, local news, customer support, step by step</a></li>`,
).join('');

describe('a page that cannot hold a resource link', () => {
  it('is passed over: ordinary words, ordinary hosts, mail and script links', () => {
    const extras =
      '<li><a href="mailto:desk@news.example.com">Write to us</a> <a href="javascript:void(0)">Menu</a> <a href="/about">About</a> <a href="#top">Top</a></li>';
    expect(pageMayHoldResources(page(ordinary + extras), [HOST])).toBe(false);
  });
});

describe('a page that may hold one is looked at link by link', () => {
  const may = (html: string, hosts = [HOST]) => pageMayHoldResources(page(ordinary + html), hosts);

  it('for a phrase, a name or an acronym anywhere: text, title, label, image description', () => {
    expect(may('<li><a href="https://x.example/">Find a support group</a></li>')).toBe(true);
    expect(may('<li><a href="https://x.example/" title="Alcoholics Anonymous">here</a></li>')).toBe(true);
    expect(may('<li><a href="https://x.example/" aria-label="Línea de ayuda">☎</a></li>')).toBe(true);
    expect(may('<li><a href="https://x.example/"><img alt="Grupo de apoyo" src="g.png"></a></li>')).toBe(true);
    expect(may('<li>NAMI Rochester: <a href="https://x.example/">website</a></li>')).toBe(true);
  });

  it("for a link to a group's domain, current or former, however it is written", () => {
    for (const href of [
      'https://www.aa.org/meetings',
      '//NAMI.ORG/help',
      'http://user@ocfoundation.org/',
      'https://iocdf.org./x',
      'https://nmha.org',
    ]) {
      expect(may(`<li><a href="${href}">here</a></li>`), href).toBe(true);
    }
  });

  it("for a group's or a helpline's address among ordinary ones, however the page writes it", () => {
    const then = '<li><a href="/about">About</a></li><li><a href="https://www.news-1.example.com/x">x</a></li>';
    for (const href of [
      'https://aa.org',
      'HTTPS://WWW.NAMI.ORG/help',
      '//iocdf.org:443/x',
      'https://www.veteranscrisisline.net?x',
      'http://chapter.nami.org#top',
    ]) {
      expect(may(`<li><a href="${escapeHtml(href)}">here</a></li>${then}`), href).toBe(true);
    }
    // A claimed domain inside an ordinary one is not that domain.
    for (const href of ['https://panaa.org/', 'https://aa.org.example.com/', 'https://www.example.com/aa.org']) {
      expect(may(`<li><a href="${escapeHtml(href)}">here</a></li>${then}`), href).toBe(false);
    }
  });

  it("for a group's address that begins like an ordinary site's already seen on the page", () => {
    // Each distinct beginning is read once; these share their first characters with the ordinary links above.
    for (const href of [
      'https://www.news-1.example.com.aa.org/',
      'https://www.news-1.example.com@aa.org/',
      'https://www.news-1.example.com:443@nami.org/',
    ]) {
      expect(may(`<li><a href="${href}">here</a></li>`), href).toBe(true);
    }
  });

  it("for a helpline's own host, and on a group's own site (its relative links)", () => {
    expect(may('<li><a href="https://www.veteranscrisisline.net/">here</a></li>')).toBe(true);
    expect(may('<li><a href="/meetings">Meetings</a></li>', ['www.aa.org'])).toBe(true);
    expect(may('<li><a href="page.html">Page</a></li>', [HOST, 'www.nami.org'])).toBe(true); // a <base href> on a group's site
  });

  it("for a link through the page's own redirect script or a click-tracker to a group's site, in any form", () => {
    for (const href of [
      '/links/redirect.php?goto_site=www.aa.org',
      `https://${HOST}/out/www.nami.org/`,
      `/go/${encodeURIComponent('https://al-anon.org/')}`,
      `/r/${Buffer.from('https://www.aa.org/').toString('base64url')}`,
      'https://www.google.com/url?sa=t&url=aa.org',
      '/go.php/aa.org',
    ]) {
      // Followed by an ordinary link: the page's addresses are read joined, and this one must end where it ends.
      const then = '<li><a href="https://www.news-1.example.com/more">more</a></li>';
      expect(may(`<li><a href="${escapeHtml(href)}">here</a></li>${then}`), href).toBe(true);
    }
    // The same forms on another site are addresses inside an ordinary link; ordinary own links carry nothing.
    for (const href of [
      'https://other.example/links/redirect.php?goto_site=www.aa.org',
      '/search?q=aa.org',
      '/files/minutes.zip',
      '/about/index.html',
    ]) {
      expect(may(`<li><a href="${escapeHtml(href)}">here</a></li>`), href).toBe(false);
    }
  });

  it('for any address the browser might read otherwise: escapes, non-ASCII hosts, backslashes, spaces, tabs, controls', () => {
    // The parser drops tabs and line breaks anywhere ("ht<tab>tps:", "/<tab>/") and control characters at the start.
    for (const href of [
      'https://%61a.org/',
      'https://ａａ.org/',
      'https:\\\\aa.org\\',
      ' //aa.org/',
      'ht\ttps://aa.org/',
      '/\n/aa.org/',
      '\u0001https://aa.org/',
    ]) {
      expect(may(`<li><a href="${escapeHtml(href)}">here</a></li>`), href).toBe(true);
    }
  });
});

describe('no resource link of the real pages is passed over', () => {
  type LabelledLink = UnlabelledLink;
  const fixture = JSON.parse(readFileSync(new URL('../fixtures/spotting/links.json', import.meta.url), 'utf8')) as {
    pages: Array<{ source: { url: string }; pageHost: string; links: LabelledLink[] }>;
  };

  it('each accepted link, alone on an otherwise ordinary page, keeps the page looked at', () => {
    let accepted = 0;
    for (const p of fixture.pages) {
      for (const link of p.links) {
        const href = new URL(link.href, p.source.url).href;
        const text = `${link.text} ${link.ariaLabel ?? ''} ${link.text.trim() ? '' : (link.imgAlt ?? '')}`;
        const judged = judgeResource({
          href,
          text,
          ...(link.title ? { title: link.title } : {}),
          pageHost: p.pageHost,
          context: () => link.context,
          inPageChrome: () => link.inPageChrome,
        });
        if (!judged.resource) continue;
        accepted++;
        const attrs = `${link.title ? ` title="${escapeHtml(link.title)}"` : ''}${link.ariaLabel ? ` aria-label="${escapeHtml(link.ariaLabel)}"` : ''}`;
        const img = link.imgAlt ? `<img alt="${escapeHtml(link.imgAlt)}" src="i.png">` : '';
        // The link's surroundings as the page had them: its own words are part of the context text.
        const html = page(
          `${ordinary}<li>${escapeHtml(link.context.replace(link.text, ''))}<a href="${escapeHtml(href)}"${attrs}>${escapeHtml(link.text)}${img}</a></li>`,
        );
        expect(pageMayHoldResources(html, [p.pageHost]), `${href} ${link.text} on ${p.pageHost}`).toBe(true);
      }
    }
    expect(accepted).toBeGreaterThan(50);
  });
});
