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
  const items = scenarios.map((s, i) => `<li>Peer support group resource ${i + 1}: <a href="${escape(s.url)}">${escape(new URL(s.url).hostname)}</a></li>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Support groups in our county</title></head>
<body><nav><a href="/">Home</a> <a href="/about">About the county</a></nav>
<h1>Self-help and mutual-aid groups</h1><ul id="list">${items.join('\n')}</ul>
<p>Unrelated: <a href="https://www.nami.org/" id="news">County news</a> (this one is a resource by its address).</p>
</body></html>`;
}
