/** The e2e suite's own pages, served by the simulated web on a host of their own. */
import { SCENARIOS, type Scenario } from '../fixtures/simweb/catalogue.ts';

export const PAGE_HOST = 'www.county-resources.org';

function escape(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Scenarios a browser can settle within a test's patience (the hanging one waits out a full timeout). */
export const PAGE_SCENARIOS: Scenario[] = SCENARIOS.filter((s) => s.timing !== 'hangs');

/** A county's resource list: one list item per scenario, each described as the mutual-aid resource it is. */
export function resourceList(scenarios: Scenario[] = PAGE_SCENARIOS): string {
  const items = scenarios.map(
    (s, i) =>
      `<li>Peer support group resource ${i + 1}: <a href="${escape(s.url)}">${escape(new URL(s.url).hostname)}</a></li>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Support groups in our county</title></head>
<body><nav><a href="/">Home</a> <a href="/about">About the county</a></nav>
<h1>Self-help and mutual-aid groups</h1><ul id="list">${items.join('\n')}</ul>
<p>Unrelated: <a href="https://www.nami.org/" id="news">County news</a> (this one is a resource by its address).</p>
</body></html>`;
}

/** The budgets' ordinary page (tests/e2e/budgets.test.ts, bench/page-profile.ts): 2,000 links to 50 news sites, no resource. */
export function ordinaryPage(): string {
  const links = Array.from(
    { length: 2_000 },
    (_, i) =>
      `<li><a href="https://www.news-${i % 50}.example.com/2026/11/story-${i}">Story ${i} about the county fair</a></li>`,
  );
  return `<!doctype html><title>Ordinary</title><ul>${links.join('')}</ul>`;
}

/** The budgets' big page: 10,000 links, every tenth one of `resources` described as a support group. */
export function bigPage(resources: string[]): string {
  const links: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    links.push(
      i % 10 === 0
        ? `<li><a href="${resources[(i / 10) % resources.length]}">Support group meeting ${i / 10}</a></li>`
        : `<li><a href="https://www.shop-${i % 80}.example.com/item/${i}">Item ${i}</a></li>`,
    );
  }
  return `<!doctype html><title>Big</title><ul>${links.join('')}</ul>`;
}
