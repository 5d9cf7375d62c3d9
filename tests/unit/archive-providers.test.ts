/**
 * Archive providers are modules (src/health/archives/): the engine asks the archives its configuration names, in
 * turn, and offers the next one's capture when those before it have nothing; every reader tells a capture of a link
 * by an archive we know the same way, whichever archive made it, and a capture kept before archives were named is
 * still read as the Wayback Machine's.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCache } from '../../src/cli/audit-cache.ts';
import { inTurn, isCaptureOf, readCapture } from '../../src/health/archives/index.ts';
import type { ArchiveCapture, ArchiveProvider, ArchiveSource } from '../../src/health/archives/provider.ts';
import { wayback, waybackAt } from '../../src/health/archives/wayback.ts';
import { createEngine } from '../../src/health/engine.ts';
import { FakeWeb, html } from './fake-web.ts';

const DEAD = 'https://www.aa.org/assets/en_US/en_bigbook_chapt4.pdf';
const BEFORE = new Date('2021-01-01T00:00:00Z');

/** A second archive, standing in for archive.today or a national library's: it answers what the test says. */
function secondArchive(answer: ArchiveCapture | null): ArchiveProvider & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    links: { id: 'second', name: 'Second Archive', captureLink: (ts, url) => `https://second.example/${ts}/${url}` },
    async lastGoodCapture(url) {
      asked.push(url);
      return answer;
    },
  };
}
const SECOND_CAPTURE: ArchiveCapture = {
  url: `https://second.example/20090101000000/${DEAD}`,
  timestamp: '20090101000000',
  provider: 'second',
};

describe('the engine asks its archives in turn', () => {
  it('offers the second archive when the first has nothing', async () => {
    const first = secondArchive(null);
    const second = secondArchive(SECOND_CAPTURE);
    expect(await inTurn([first, second])!.lastGoodCapture(DEAD, BEFORE)).toEqual(SECOND_CAPTURE);
    expect([first.asked, second.asked]).toEqual([[DEAD], [DEAD]]);
  });

  it('does not ask the second when the first has a capture', async () => {
    const first = secondArchive({ ...SECOND_CAPTURE, provider: 'first' });
    const second = secondArchive(SECOND_CAPTURE);
    expect((await inTurn([first, second])!.lastGoodCapture(DEAD, BEFORE))?.provider).toBe('first');
    expect(second.asked).toEqual([]);
  });

  it('offers none with no archive configured', () => {
    expect(inTurn([])).toBeNull();
  });

  it("from the engine's configuration: the Wayback Machine has nothing, the second archive's capture is offered", async () => {
    const api = 'https://wayback.test';
    const web = new FakeWeb({
      [DEAD]: { status: 404, body: html('Not found') },
      [`${api}/wayback/available*`]: {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ archived_snapshots: {} }),
      },
      [`${api}/cdx/*`]: { headers: { 'content-type': 'application/json' }, body: '[]' },
    });
    const second = secondArchive(SECOND_CAPTURE);
    const madeWith: string[] = [];
    const secondSource: ArchiveSource = (tools) => {
      madeWith.push(typeof tools.transport.fetch);
      return second;
    };
    const engine = createEngine({
      transport: web,
      reachesHost: async () => true,
      archives: [wayback(waybackAt(api)), secondSource],
      now: () => new Date('2026-12-01T00:00:00Z'),
    });
    const report = await engine.check(DEAD);
    expect(report.verdict).toBe('dead');
    expect(report.archive).toEqual(SECOND_CAPTURE);
    expect(web.log.some((u) => u.startsWith(`${api}/wayback/available`))).toBe(true);
    expect(second.asked).toEqual([DEAD]);
    expect(madeWith).toEqual(['function']);
  });
});

describe('is this a capture of that link', () => {
  const capture = { url: `https://web.archive.org/web/20080513062455/${DEAD}`, timestamp: '20080513062455' };

  it("takes the Wayback Machine's capture of the link, naming its archive, and one kept before archives were named", () => {
    expect(isCaptureOf({ ...capture, provider: 'wayback' }, DEAD)).toBe(true);
    expect(readCapture({ ...capture, provider: 'wayback' }, DEAD)).toEqual({ ...capture, provider: 'wayback' });
    expect(isCaptureOf(capture, DEAD)).toBe(true);
    expect(readCapture(capture, DEAD)).toEqual(capture);
  });

  it.each<[string, Record<string, unknown>]>([
    ['of another link', { ...capture, url: 'https://web.archive.org/web/20080513062455/https://evil.example/' }],
    ['on another host', { ...capture, url: `https://evil.example/web/20080513062455/${DEAD}` }],
    ['with a made-up timestamp', { url: `https://web.archive.org/web/2008/${DEAD}`, timestamp: '2008' }],
    ['naming an archive we do not know', { ...capture, provider: 'second' }],
    [
      'naming an archive whose form it does not have',
      { ...capture, url: `https://second.example/x`, provider: 'wayback' },
    ],
  ])('refuses a capture %s', (_what, raw) => {
    expect(readCapture(raw, DEAD)).toBeNull();
    expect(isCaptureOf(raw as unknown as ArchiveCapture, DEAD)).toBe(false);
  });

  it('reads an audit cache written before archives were named, its capture as it was kept', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'still-there-archives-')), 'cache.json');
    const entry = {
      url: DEAD,
      verdict: 'dead',
      reason: 'not-found',
      detail: 'the server says Not Found (404)',
      status: 404,
      finalUrl: DEAD,
      redirects: 0,
      newHome: null,
      archive: capture,
      checkedAt: '2026-12-01T02:30:00.000Z',
      history: [],
      firstFailedAt: '2026-12-01T02:30:00.000Z',
      lastAliveAt: null,
    };
    writeFileSync(file, JSON.stringify({ version: 1, links: { [DEAD]: entry } }));
    const archive = (await loadCache(file)).get(DEAD)!.archive!;
    expect(archive).toEqual(capture);
    expect(isCaptureOf(archive, DEAD)).toBe(true);
  });
});
