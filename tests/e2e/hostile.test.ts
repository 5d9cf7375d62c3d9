/**
 * A hostile page: 10,000 links, javascript: links, and link text that tries to be markup or script. The page
 * must not freeze, nothing may run, and what we insert must carry the text as text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { U } from '../fixtures/simweb/catalogue.ts';
import { settled, visit } from './harness.ts';
import { startWorld, type World } from './setup.ts';

const HOST = 'www.hostile-directory.org';
const XSS = `"><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function hostilePage(): string {
  const links: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    if (i % 10 === 0) links.push(`<a href="javascript:window.__pwned=3">Alcoholics Anonymous support group ${i}</a>`);
    else links.push(`<a href="https://www.news-${i % 97}.example.com/story/${i}">Story ${i}</a>`);
  }
  // A dead resource link whose text and title are attack strings: they must end up as text in our description.
  const text = XSS.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  links.push(`<a id="dead" href="${U.bigBookChapter}" title="${escapeAttr(XSS)}">Alcoholics Anonymous ${text}</a>`);
  links.push(`<a id="dataurl" href="data:text/html,<script>alert(1)</script>">Al-Anon support group</a>`);
  return `<!doctype html><title>Hostile</title><script>window.__pwned = 0;</script><div>${links.join(' ')}</div>`;
}

let world: World;
beforeAll(async () => {
  world = await startWorld({ [HOST]: { '/': hostilePage() } });
});
afterAll(async () => {
  await world?.close();
});

describe('a hostile page', () => {
  it('neither freezes nor runs anything', async () => {
    const page = await world.browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.evaluateOnNewDocument(() => {
      (window as unknown as { __longest: number }).__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          (window as unknown as { __longest: number }).__longest = Math.max(
            (window as unknown as { __longest: number }).__longest,
            e.duration,
          );
      }).observe({ type: 'longtask', buffered: true });
    });
    await visit(page, `https://${HOST}/`);
    await settled(page, 60_000);
    await page.waitForSelector('#dead[data-link-health="dead"]');
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned: number }).__pwned,
      javascriptMarked: document.querySelectorAll('a[href^="javascript:"][data-link-health]').length,
      dataMarked: document.querySelectorAll('a[href^="data:"][data-link-health]').length,
      injectedImages: document.querySelectorAll('img').length,
      injectedScripts: document.querySelectorAll('script').length,
      description:
        document.getElementById(document.getElementById('dead')!.getAttribute('aria-describedby')!.split(' ').pop()!)
          ?.textContent ?? '',
      extrasChildren: [...document.querySelectorAll('[data-link-health-extras] *')].map((e) => e.tagName),
      longest: (window as unknown as { __longest: number }).__longest,
    }));
    // The Long Tasks API reports only tasks of 50 ms or more: none reported is "none that long", not "0 ms".
    console.log(
      state.longest > 0
        ? `hostile page (10,000 links): longest main-thread task ${state.longest.toFixed(0)} ms (includes the page's own parsing)`
        : "hostile page (10,000 links): no main-thread task of 50 ms or more, the page's own parsing included",
    );
    expect(state.pwned).toBe(0);
    expect(dialogs).toEqual([]);
    expect(state.javascriptMarked).toBe(0);
    expect(state.dataMarked).toBe(0);
    expect(state.injectedImages).toBe(0);
    expect(state.injectedScripts).toBe(1);
    expect(state.description).toMatch(/^Not found \(404\)/);
    expect(new Set(state.extrasChildren)).toEqual(new Set(['SPAN', 'A']));
    // Still responsive: a trivial evaluation answers at once.
    const t0 = Date.now();
    await page.evaluate(() => 1);
    expect(Date.now() - t0).toBeLessThan(1_000);
  });
});
