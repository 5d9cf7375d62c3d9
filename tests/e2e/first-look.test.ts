/**
 * The first look reads a page as the browser serialises it (documentElement.outerHTML) and the background reads that
 * markup back (src/first-look/page-from-html.ts). Here, in Chromium and Firefox ESR, the same pages are read both ways
 * — the live DOM's text, links and labels as the content script once read them, and the markup as the background now
 * reads it — and the markup must never say less: every href, label and word of the live page, so that the page
 * precheck (src/first-look/page-precheck.ts) can never pass over a page the live reading would have looked at.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageFromHtml, relativeLinkHosts } from '../../src/first-look/page-from-html.ts';
import { pageMayHoldResources } from '../../src/first-look/page-precheck.ts';
import { BROWSERS, startSession, type Session } from './browsers.ts';
import { PAGE_HOST } from './pages.ts';
import { visit } from './harness.ts';

/** Markup the serialiser escapes, re-orders or writes back differently from the source, and raw-text elements. */
const tricky = `<!DOCTYPE html><HTML><HEAD><TITLE>Resources &amp; more</TITLE><BASE HREF="https://www.nami.org/local/"></HEAD>
<BODY>
<P>Al&#8209;Anon &amp; Alateen&nbsp;family groups &lt;weekly&gt;</P>
<A HREF="https://www.aa.org/x?a=1&amp;b=<2>&quot;'&nbsp;" TITLE='Peer "support" <group> &amp; more'>AA</A>
<a href="  https://www.na.org/
  meetings " aria-label="Línea de ayuda">☎</a>
<a href="/find-support"><img alt="Grupo de apoyo" src="data:,"></a>
<a name="top">no href</a><a href="">empty</a><a href="javascript:void(0)">menu</a>
<map name="m"><area href="https://www.dbsalliance.org/" alt="DBSA"></map>
<script>var s = "<a href='https://www.smartrecovery.org/'>SMART Recovery</a>" + (1 < 2);</script>
<style>.x::after { content: "Emotions Anonymous" }</style>
<textarea>Narcotics Anonymous &lt;meetings&gt; &amp; more</textarea>
<pre>
Recovery International</pre>
<svg><a href="https://www.grow.org/"><text>GROW</text></a></svg>
<template><a href="https://www.iocdf.org/">template link</a></template>
<!-- Overeaters Anonymous -->
<p>Ümlauts, ñ and 中文 stay as they are.</p>
</BODY></HTML>`;

/** Raw text the serialiser writes back as it is and a markup parser reads as markup: its words must still be there. */
const rawText = `<!doctype html><title>Raw</title><body>
<noscript><a href="https://www.nami.org/help">NAMI HelpLine</a> if scripts are off</noscript>
<xmp><a href="https://www.aa.org/">Alcoholics Anonymous</a></xmp>
<p>County fair</p></body>`;

interface LiveReading {
  text: string;
  labels: string[];
  hrefs: string[];
  html: string;
  base: string;
}

/** The live page read as the content script read it before the first look (one native call per link). */
async function readLive(page: Page): Promise<LiveReading> {
  return page.evaluate(() => {
    const root = document.body ?? document.documentElement;
    const labels: string[] = [];
    for (const el of root.querySelectorAll('a[title], a[aria-label], a img[alt]'))
      for (const name of ['title', 'aria-label', 'alt']) {
        const value = el.getAttribute(name);
        if (value) labels.push(value);
      }
    return {
      text: root.textContent ?? '',
      labels,
      hrefs: [...document.links].map((a) => a.getAttribute('href') ?? ''),
      // Read, as the first look reads it (src/page-marker/first-look.ts); nothing is written.
      // eslint-disable-next-line no-restricted-properties
      html: document.documentElement.outerHTML,
      base: document.baseURI,
    };
  });
}

/** What `more` holds beyond `less`, as multisets; null when `more` lacks one of `less`'s. */
function beyond(more: readonly string[], less: readonly string[]): string[] | null {
  const left = [...more];
  for (const x of less) {
    const i = left.indexOf(x);
    if (i < 0) return null;
    left.splice(i, 1);
  }
  return left;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

describe.each(BROWSERS)('in %s, the page as the first look sends it', (kind) => {
  let session: Session;

  beforeAll(async () => {
    session = await startSession(kind, { [PAGE_HOST]: { '/tricky.html': tricky, '/raw.html': rawText } });
  });

  afterAll(async () => {
    await session?.close();
  });

  async function read(path: string): Promise<LiveReading> {
    const page = await session.browser.newPage();
    try {
      await visit(page, `https://${PAGE_HOST}${path}`);
      return await readLive(page);
    } finally {
      await page.close();
    }
  }

  it('holds every href, label and word of the live page, and only the inert links beyond them', async () => {
    const live = await read('/tricky.html');
    const sent = pageFromHtml(live.html, live.base);
    expect(live.hrefs.length).toBe(6); // the page was read: <a> and <area> with an href, <svg> and <template> not
    // Beyond the live links: the <svg> link and the <template>'s, which document.links leaves out.
    expect(beyond(sent.hrefs(), live.hrefs)?.sort()).toEqual(['https://www.grow.org/', 'https://www.iocdf.org/']);
    expect(beyond(sent.labels.split('\n'), live.labels)).toEqual([]);
    // The template's words are extra too; the rest is the same text, up to the line break after <pre>.
    expect(collapse(sent.text)).toBe(collapse(live.text).replace('GROW', 'GROW template link'));
    // So the background finds the same answer: the <base href> alone makes the relative link a group's.
    const hosts = relativeLinkHosts(`https://${PAGE_HOST}/tricky.html`, live.base);
    expect(hosts).toEqual([PAGE_HOST, 'www.nami.org']);
    expect(pageMayHoldResources(sent, hosts)).toBe(true);
  });

  it('keeps the words of raw text that it reads as markup (<noscript>, <xmp>)', async () => {
    const live = await read('/raw.html');
    const sent = pageFromHtml(live.html, live.base);
    for (const words of ['NAMI HelpLine', 'if scripts are off', 'Alcoholics Anonymous', 'County fair']) {
      expect(live.text).toContain(words);
      expect(sent.text).toContain(words);
    }
    expect(beyond(sent.hrefs(), live.hrefs)).not.toBeNull();
  });
});
