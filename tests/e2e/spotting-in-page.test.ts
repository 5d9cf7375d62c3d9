/**
 * Spotting as the content script does it, in the real browser: every labelled link of the real resource pages
 * (tests/fixtures/spotting/links.json) is put on one page with its words, labels and surroundings, and the links
 * the extension starts checking must be exactly those the whole judgement (src/directory/spotting.ts) accepts for
 * the same facts. The content script reads each link with a cheap test of its own first (src/page-marker/spot-anchor.ts):
 * if that test ever turned away a link the judgement accepts, a resource here would go unchecked and this fails.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeResource } from '../../src/directory/spotting.ts';
import { open, startWorld, type World } from './setup.ts';
import type { UnlabelledLink } from '../../scripts/labelled-links.ts';

const HOST = 'www.spotting-tests.org';

type LabelledLink = UnlabelledLink;
const fixture = JSON.parse(readFileSync(new URL('../fixtures/spotting/links.json', import.meta.url), 'utf8')) as {
  pages: Array<{ source: { url: string }; links: LabelledLink[] }>;
};

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Placed {
  href: string;
  accepted: boolean;
  html: string;
}

/** Each link in a list item of its own, its surroundings before it; navigation links inside a <nav>. */
function place(link: LabelledLink, sourceUrl: string, i: number): Placed {
  const href = new URL(link.href, sourceUrl).href;
  const before = link.context.replace(link.text, '');
  // The facts the page will give the content script (src/page-marker/spot-anchor.ts), worked out here the same way.
  const boxText = `${before}${link.text}`;
  const own = link.text.slice(0, 400);
  const accepted = judgeResource({
    href,
    text: `${own} ${link.ariaLabel ?? ''} ${own.trim() ? '' : (link.imgAlt ?? '')}`,
    title: link.title ?? '',
    pageHost: HOST,
    context: () => (boxText.length === link.text.length ? '' : boxText.slice(0, 300)),
    inPageChrome: () => link.inPageChrome,
  }).resource;
  const attrs = `${link.title ? ` title="${escapeHtml(link.title)}"` : ''}${link.ariaLabel ? ` aria-label="${escapeHtml(link.ariaLabel)}"` : ''}`;
  const img = link.imgAlt !== undefined ? `<img alt="${escapeHtml(link.imgAlt)}" src="data:,">` : '';
  const li = `<li>${escapeHtml(before)}<a data-i="${i}" href="${escapeHtml(href)}"${attrs}>${escapeHtml(link.text)}${img}</a></li>`;
  return { href, accepted, html: link.inPageChrome ? `<nav><ul>${li}</ul></nav>` : `<ul>${li}</ul>` };
}

/**
 * Links whose resource words are only in their labels, which no labelled link of the real pages happens to need:
 * a title, an aria-label, an image description, and words that name a resource only joined to the label.
 */
const LABELLED_ONLY: LabelledLink[] = [
  {
    href: 'https://www.fellowship-a.example/',
    text: 'here',
    title: 'Alcoholics Anonymous',
    context: '',
    inPageChrome: false,
  },
  { href: 'https://www.linea-b.example/', text: '☎', ariaLabel: 'Línea de ayuda', context: '', inPageChrome: false },
  { href: 'https://www.grupo-c.example/', text: '', imgAlt: 'Grupo de apoyo', context: '', inPageChrome: false },
  {
    href: 'https://www.groups-d.example/',
    text: 'Find a support',
    ariaLabel: 'group near you',
    context: '',
    inPageChrome: false,
  },
];

const placed = [
  ...fixture.pages.flatMap((p) => p.links.map((l) => ({ l, url: p.source.url }))),
  ...LABELLED_ONLY.map((l) => ({ l, url: `https://${HOST}/` })),
].map(({ l, url }, i) => place(l, url, i));

let world: World;

beforeAll(async () => {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Labelled links</title></head><body><main>${placed.map((p) => p.html).join('\n')}</main></body></html>`;
  world = await startWorld({ [HOST]: { '/labelled.html': html } });
});

afterAll(async () => {
  await world?.close();
});

describe('spotting in the page', () => {
  it('checks exactly the labelled links the whole judgement accepts, and no other', async () => {
    const page = await open(world, `https://${HOST}/labelled.html`);
    // Polled on a timer: animation frames need not come to a page the browser does not paint.
    await page.waitForFunction(() => performance.getEntriesByName('still-there:first-pass').length > 0, {
      timeout: 60_000,
      polling: 100,
    });
    const checked = await page.$$eval('a[data-i][data-link-health]', (as) =>
      as.map((a) => Number(a.getAttribute('data-i'))),
    );
    const expected = placed.flatMap((p, i) => (p.accepted ? [i] : []));
    expect(expected.length).toBeGreaterThan(50);
    expect(placed.slice(-LABELLED_ONLY.length).every((p) => p.accepted)).toBe(true); // so the labels are put to the test
    const name = (is: number[]) => is.map((i) => placed[i]!.href);
    expect(name(checked.sort((a, b) => a - b))).toEqual(name(expected));
  });
});
