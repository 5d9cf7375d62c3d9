/**
 * Benchmark (prints figures, never passes or fails): a 60-page resource guide with 600 links — 420 link annotations
 * and 180 addresses printed as plain text, 10 to a page in a table, with a phone number on every row — printed to PDF
 * by Chromium as tests/fixtures/pdf/print.ts prints the fixtures. Prints the time to list its links (before any is
 * checked) and the peak memory, two ways:
 *   - the reader alone (src/documents/pdf.ts on pdf.js's legacy build, in the process that measures);
 *   - as `still-there audit guide.pdf` reads it (src/cli/pdf-file.ts: a thread of its own, pdf.js loaded afresh).
 * Each run is a fresh Node process, so the peak is that reading's own (maxRSS) beside the process's baseline.
 *   npm run bench:pdf        (or: node bench/pdf-bench.ts [--pages 60] [--per-page 10] [--runs 5])
 * Needs Debian's chromium to print the guide (once; kept in bench/results/). Names are the directory's; every address
 * is on example.org (reserved, never fetched) and every number in the 555-01xx range set aside for fiction.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '60' },
    'per-page': { type: 'string', default: '10' },
    runs: { type: 'string', default: '5' },
    once: { type: 'string' },
    how: { type: 'string' },
  },
});

if (values.once) {
  // One measured reading, in a process of its own: prints { ms, links, phones, baselineMiB, peakMiB }.
  const bytes = new Uint8Array(readFileSync(values.once));
  const baseline = process.resourceUsage().maxRSS / 1024;
  const started = performance.now();
  let links: number;
  let phones: number;
  if (values.how === 'cli') {
    const { readPdfFile } = await import('../src/cli/pdf-file.ts');
    const read = await readPdfFile(bytes, 'guide.pdf');
    links = read.links.length;
    phones = read.phones.length;
  } else {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const { readPdf } = await import('../src/documents/pdf.ts');
    const read = await readPdf(bytes, { pdfjs, name: 'guide.pdf' });
    links = read.links.length;
    phones = read.phones.length;
  }
  const ms = performance.now() - started;
  process.stdout.write(
    `${JSON.stringify({ ms, links, phones, baselineMiB: baseline, peakMiB: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
  process.exit(0);
}

const pages = Number(values.pages);
const perPage = Number(values['per-page']);
const runs = Number(values.runs);
const here = import.meta.dirname;
const results = path.join(here, 'results');
mkdirSync(results, { recursive: true });
const html = path.join(results, `pdf-guide-${pages}x${perPage}.html`);
const pdf = path.join(results, `pdf-guide-${pages}x${perPage}.pdf`);

if (!existsSync(pdf)) {
  const { allGroups } = await import('../src/directory/groups.ts');
  const names = allGroups().map((g) => g.name.split(/,| \(/)[0]!);
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const sections: string[] = [];
  let n = 0;
  for (let page = 1; page <= pages; page++) {
    const rows: string[] = [];
    for (let i = 0; i < perPage; i++, n++) {
      const name = names[n % names.length]!;
      const address = `https://chapter-${page}.example.org/meetings/${i + 1}`;
      // Seven in ten linked, the rest printed only: the mix of a word processor's export and a typed list.
      const where = i % 10 < 7 ? `<a href="${address}">Meetings of ${esc(name)}, group ${i + 1}</a>` : esc(address);
      const phone = `(212) 555-01${String(n % 100).padStart(2, '0')}`;
      rows.push(
        `<tr><td>${esc(name)}</td><td>Peer-led group ${i + 1}; newcomers welcome.</td><td class="p">${phone}</td><td class="w">${where}</td></tr>`,
      );
    }
    sections.push(
      `<section${page > 1 ? ' class="page"' : ''}><h2>Support groups, part ${page}</h2><table>${rows.join('')}</table></section>`,
    );
  }
  writeFileSync(
    html,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Benchmark guide</title><style>
@page { size: Letter; margin: 0.75in; } body { font: 10pt/1.35 "Liberation Sans", sans-serif; }
.page { break-before: page; } table { border-collapse: collapse; width: 100%; }
td { border: 1px solid #999; padding: 3pt 5pt; vertical-align: top; } td.w { width: 34%; overflow-wrap: anywhere; }
td.p { white-space: nowrap; }
</style></head><body>${sections.join('\n')}</body></html>`,
  );
  execFileSync(process.execPath, [path.join(here, '../tests/fixtures/pdf/print.ts'), html, pdf], { stdio: 'inherit' });
}

interface Run {
  ms: number;
  links: number;
  phones: number;
  baselineMiB: number;
  peakMiB: number;
}

function measure(how: 'reader' | 'cli'): Run[] {
  const out: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const line = execFileSync(process.execPath, [path.join(here, 'pdf-bench.ts'), '--once', pdf, '--how', how], {
      encoding: 'utf8',
    });
    out.push(JSON.parse(line.trim().split('\n').pop()!) as Run);
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const size = readFileSync(pdf).length;
console.log(
  `Guide: ${pages} pages, ${pages * perPage} links (${Math.round(pages * perPage * 0.7)} linked, the rest printed), ${(size / 1024).toFixed(0)} KiB; ${runs} runs each, median (min–max)`,
);
// Times on a shared machine are worth what its load lets them be: said beside them.
const load = () => `load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;
console.log(`Before: ${load()}`);
for (const how of ['reader', 'cli'] as const) {
  const r = measure(how);
  const ms = r.map((x) => x.ms);
  const peak = r.map((x) => x.peakMiB);
  console.log(
    `${how === 'reader' ? 'reader alone          ' : 'audit guide.pdf (CLI) '} ` +
      `list links: ${median(ms).toFixed(0)} ms (${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)}), ` +
      `${(median(ms) / pages).toFixed(1)} ms a page; ` +
      `peak memory ${median(peak).toFixed(0)} MiB (process baseline ${median(r.map((x) => x.baselineMiB)).toFixed(0)} MiB); ` +
      `found ${r[0]!.links} links, ${r[0]!.phones} numbers`,
  );
}
console.log(`After: ${load()}`);
