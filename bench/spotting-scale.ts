/**
 * Does spotting's first pass grow with the directory? Prints, for the directory as it is and for directories 4 and 16
 * times larger (made-up names and domains added to the real ones), what the page precheck's two directory-shaped
 * pieces cost on the budgets' ordinary 2,000-link page (tests/e2e/pages.ts): the compacted cue pattern
 * (scripts/compact-pattern.ts) over the page's text, and the claimed-domain look-up (one Set look-up per label of
 * each distinct host, as src/directory/lookup.ts's mayBelongToGroup). Figures, never pass or fail:
 *   node bench/spotting-scale.ts
 */
import { compactPattern } from '../scripts/compact-pattern.ts';
import { cuePattern } from '../src/directory/spotting.ts';
import { claimedDomains } from '../src/directory/lookup.ts';
import { ordinaryPage } from '../tests/e2e/pages.ts';

const html = ordinaryPage();
const text = html.replace(/<[^>]*>/g, ' ');
const hosts = [...new Set([...html.matchAll(/href="https:\/\/([^/"]+)/g)].map((m) => m[1]!))];

/** Made-up names and domains, shaped like the directory's (two to four words; a .org). */
function madeUp(n: number): { names: string[]; domains: string[] } {
  const words = ['harbor', 'lantern', 'meadow', 'compass', 'willow', 'summit', 'beacon', 'kindred', 'anchor', 'grove'];
  const names: string[] = [];
  const domains: string[] = [];
  for (let i = 0; i < n; i++) {
    const w = [words[i % 10]!, words[(i * 7 + 3) % 10]!, `${words[(i * 3 + 1) % 10]!}${i}`];
    names.push(`${w.join('\\s+')}\\s+fellowship`);
    domains.push(`${w.join('')}.org`);
  }
  return { names, domains };
}

function median(run: () => unknown, times = 41): number {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    run();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b)[times >> 1]!;
}

const base = cuePattern();
const domains = claimedDomains();
console.log(
  `Ordinary page: ${text.length} characters of text, ${hosts.length} distinct hosts; node ${process.version}`,
);
console.log('directory size   cue pattern  cues over the text   claimed domains  look-ups for the hosts');
for (const times of [1, 4, 16]) {
  const extra = madeUp(domains.length * (times - 1));
  const pattern = compactPattern([base, ...extra.names].join('|'));
  const cues = new RegExp(pattern, 'i');
  const claimed = new Set([...domains, ...extra.domains]);
  const lookUp = () => {
    for (const host of hosts) {
      let dot = -1;
      do {
        if (claimed.has(host.slice(dot + 1))) return true;
        dot = host.indexOf('.', dot + 1);
      } while (dot !== -1);
    }
    return false;
  };
  const cueMs = median(() => cues.test(text));
  const hostMs = median(lookUp);
  console.log(
    `${String(times).padStart(3)}x            ${String(pattern.length).padStart(8)} ch   ${cueMs.toFixed(3).padStart(8)} ms         ${String(claimed.size).padStart(8)}      ${hostMs.toFixed(4).padStart(8)} ms`,
  );
}
