/**
 * Inserted marks must not break a page's layout nor take on its styles badly: a table layout, a flex navigation
 * bar and a dark page, each measured with the marks on and off.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { U } from '../fixtures/simweb/catalogue.ts';
import { serviceWorker, settled } from './harness.ts';
import { open, startWorld, type World } from './setup.ts';

const HOST = 'www.layout-tests.org';
const DEAD = [U.bigBookChapter, 'http://www.jacsweb.org/', 'http://www.ocfoundation.org/EO_Hoarding.aspx'];

const page = `<!doctype html><html><head><title>Layouts</title><style>
  body { background: #111; color: #e8e8e8; font: 16px/1.4 Georgia, serif; margin: 0; }
  a { color: #8ab4ff; }
  nav { display: flex; gap: 12px; justify-content: space-between; width: 900px; height: 40px; align-items: center; overflow: hidden; background: #222; }
  nav a { flex: 1 1 0; white-space: nowrap; padding: 0 8px; }
  table { width: 900px; border-collapse: collapse; table-layout: fixed; }
  td { border: 1px solid #444; padding: 4px; }
</style></head><body>
<nav id="nav">${DEAD.map((u, i) => `<a href="${u}">Support group ${i + 1}</a>`).join('')}<a href="https://www.nami.org/">NAMI</a></nav>
<table id="table"><tr><th>Group</th><th>Site</th></tr>${DEAD.map((u, i) => `<tr><td>Self-help group ${i + 1}</td><td><a href="${u}">Support group site ${i + 1}</a></td></tr>`).join('')}</table>
</body></html>`;

interface Measure {
  navHeight: number;
  navOverflow: boolean;
  navItemsOnOneRow: boolean;
  tableWidth: number;
  tableColumns: number[];
}

function measure(p: Page): Promise<Measure> {
  return p.evaluate(() => {
    const nav = document.getElementById('nav')!;
    const box = nav.getBoundingClientRect();
    const inside = [...nav.children].every((c) => {
      const r = c.getBoundingClientRect();
      return r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.right <= box.right + 1;
    });
    const table = document.getElementById('table') as HTMLTableElement;
    return {
      navHeight: nav.getBoundingClientRect().height,
      navOverflow: nav.scrollHeight > nav.clientHeight + 1 || nav.scrollWidth > nav.clientWidth + 1,
      navItemsOnOneRow: inside,
      tableWidth: table.getBoundingClientRect().width,
      tableColumns: [...table.rows].map((r) => r.cells.length),
    };
  });
}

let world: World;
let p: Page;
beforeAll(async () => {
  world = await startWorld({ [HOST]: { '/': page } });
  p = await open(world, `https://${HOST}/`);
  await settled(p, 60_000);
});
afterAll(async () => {
  await world?.close();
});

describe('layouts survive the marks', () => {
  it('a flex navigation bar stays one row and a fixed table keeps its shape', async () => {
    const on = await measure(p);
    expect(await p.$$eval('nav [data-link-health="dead"]', (a) => a.length)).toBe(DEAD.length);
    const worker = await serviceWorker(world.browser, world.extensionId);
    await worker.evaluate(async (host: string) => chrome.storage.local.set({ settings: { offSites: [host] } }), HOST);
    await p.waitForFunction(() => document.querySelectorAll('[data-link-health-extras]').length === 0);
    const off = await measure(p);
    await worker.evaluate(async () => chrome.storage.local.set({ settings: {} }));
    expect(on.navHeight).toBe(off.navHeight);
    expect(on.navItemsOnOneRow).toBe(true);
    expect(on.navOverflow).toBe(false);
    expect(on.tableWidth).toBe(off.tableWidth);
    expect(on.tableColumns).toEqual(off.tableColumns);
  });

  it('on a dark page the inserted links take the page’s light text colour, readable against its background', async () => {
    await settled(p, 30_000);
    const contrast = await p.evaluate(() => {
      const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const lum = ([r, g, b]: number[]) => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
      };
      const inserted = document.querySelector('td [data-link-health-extras] a')!;
      const fg = lum(parse(getComputedStyle(inserted).color));
      const bg = lum(parse(getComputedStyle(document.body).backgroundColor));
      return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    });
    expect(contrast).toBeGreaterThanOrEqual(4.5);
  });
});
