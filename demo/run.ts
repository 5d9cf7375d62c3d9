/**
 * `npm start`: the main job on an embedded default. Starts the simulated web inside the sealed network
 * (scripts/sealed-network.sh), opens our guide page in Chromium with the built extension — the browser finding every
 * host through its own resolver, as on the real web — waits for the marks, writes a screenshot and prints a
 * one-screen summary.
 * Headed when a display exists (the browser stays open until you close it), headless otherwise.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSimWeb } from '../tests/fixtures/simweb/server.ts';
import { launchChromium, readMarks, settled } from '../tests/e2e/harness.ts';
import { GUIDE_HOST, GUIDE_URLS, guidePage } from './guide.ts';

const headed = Boolean(process.env.DISPLAY) && !process.env.CI && process.env.STILL_THERE_HEADLESS !== '1';
const outDir = path.resolve('.demo');
mkdirSync(outDir, { recursive: true });

const sim = await startSimWeb({ pages: { [GUIDE_HOST]: { '/': guidePage() } } });
const userDataDir = mkdtempSync(path.join(tmpdir(), 'still-there-demo-'));
const { browser } = await launchChromium(sim, { userDataDir, headless: !headed });
const page = await browser.newPage();
await page.setViewport({ width: 1100, height: 1300 });
const t0 = Date.now();
await page.goto(`https://${GUIDE_HOST}/`, { waitUntil: 'load' });
await settled(page, 120_000);
const seconds = ((Date.now() - t0) / 1000).toFixed(1);
const screenshot = path.join(outDir, 'still-there-demo.png');
await page.screenshot({ path: screenshot, fullPage: true });

const marks = (await readMarks(page)).filter((m) => GUIDE_URLS.includes(m.href));
const count = (v: string) => marks.filter((m) => m.health === v).length;
const lines = [
  `still-there demo: "A guide to mutual-aid groups" on a simulated web (${seconds} s to check ${marks.length} links)`,
  `  ${count('alive')} working · ${count('moved')} moved · ${count('dead')} struck through as dead · ${count('unverified')} unverified (left unmarked)`,
  '',
  ...marks.map((m) => {
    const extra = [
      m.movedTo,
      m.archive ? `archive: ${m.archive.replace(/^https:\/\//, '').slice(0, 60)}…` : null,
      m.newHomeText,
    ]
      .filter(Boolean)
      .join('; ');
    return `  ${(m.health ?? '-').padEnd(10)} ${(m.reason ?? '').padEnd(15)} ${m.text.slice(0, 48).padEnd(48)} ${extra}`;
  }),
  '',
  `  screenshot: ${path.relative(process.cwd(), screenshot)}`,
];
console.log(lines.join('\n'));

if (headed) {
  console.log(
    '\nThe browser stays open: hover a struck-through link for its description. Close the browser to finish.',
  );
  await new Promise<void>((resolve) => browser.on('disconnected', () => resolve()));
} else {
  await browser.close();
}
await sim.close();
rmSync(userDataDir, { recursive: true, force: true });
