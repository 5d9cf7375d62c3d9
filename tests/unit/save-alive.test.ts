/**
 * --save-alive's use of Save Page Now 2 (src/cli/save-alive.ts), against a scripted API: which links are saved, at
 * what pace, how the API's rate-limit answers are met, and what waits for another night.
 */
import { describe, expect, it } from 'vitest';
import { keysFromEnv, saveAlive, type CaptureMemory, type SaveAliveSettings } from '../../src/cli/save-alive.ts';

const NOW = new Date('2026-12-01T02:30:00Z');
const LONG_AGO = '20190301120000';
const LAST_MONTH = '20261101120000';

interface Api {
  /** The last good capture of each address the index knows. */
  captures: Record<string, string>;
  /** What each POST is answered, in order (the rest: a job). */
  posts: Array<{ status: number; body: unknown; retryAfter?: string }>;
  /** Status looks before a job succeeds; Infinity: never. */
  pendingLooks?: number;
  user?: { daily_captures: number; daily_captures_limit: number };
}

/** A scripted API, a clock that moves only when slept, and the log of what was asked when. */
function harness(api: Api, overrides: Partial<SaveAliveSettings> = {}) {
  let clock = 0;
  const log: Array<{ at: number; method: string; url: string; form: string; auth: string }> = [];
  const sleeps: number[] = [];
  const looks = new Map<string, number>();
  let jobs = 0;
  const realNow = Date.now;
  const fetch = async (url: string, init: RequestInit = {}): Promise<Response> => {
    log.push({
      at: clock,
      method: init.method ?? 'GET',
      url,
      form: String(init.body ?? ''),
      auth: String((init.headers as Record<string, string>)?.authorization ?? ''),
    });
    const json = (value: unknown, status = 200, headers: Record<string, string> = {}) =>
      new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json', ...headers } });
    const u = new URL(url);
    if (u.pathname === '/cdx/search/cdx') {
      const ts = api.captures[u.searchParams.get('url')!];
      return json(ts ? [['timestamp'], [ts]] : []);
    }
    if (u.pathname === '/save/status/user')
      return json({ available: 5, processing: 0, ...(api.user ?? { daily_captures: 0, daily_captures_limit: 1000 }) });
    if (u.pathname === '/save') {
      const scripted = api.posts.shift();
      if (scripted)
        return json(scripted.body, scripted.status, scripted.retryAfter ? { 'retry-after': scripted.retryAfter } : {});
      const id = `job-${++jobs}`;
      looks.set(id, 0);
      return json({ url: new URLSearchParams(String(init.body)).get('url'), job_id: id });
    }
    const job = /^\/save\/status\/(.+)$/.exec(u.pathname)?.[1];
    if (job) {
      const n = looks.get(job)!;
      looks.set(job, n + 1);
      if (n < (api.pendingLooks ?? 0)) return json({ status: 'pending' });
      return json({ status: 'success', timestamp: '20261201023500', original_url: 'x' });
    }
    return json({}, 404);
  };
  const settings: SaveAliveSettings = {
    endpoint: 'https://web.archive.org',
    cdx: 'https://web.archive.org/cdx/search/cdx',
    keys: { access: 'acc', secret: 'sec' },
    olderThanMonths: 6,
    perNight: 25,
    now: () => NOW,
    stop: new AbortController().signal,
    fetch,
    // Time passes only as the code sleeps: pacing is read off the log, instantly.
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    ...overrides,
  };
  return {
    settings,
    log,
    sleeps,
    /** Date.now follows the harness clock while `run` runs. */
    async run(links: string[], memory = new Map<string, CaptureMemory>()) {
      Date.now = () => clock;
      try {
        return await saveAlive(links, memory, settings);
      } finally {
        Date.now = realNow;
      }
    },
  };
}

const posts = (log: Array<{ method: string; form: string; at: number }>) =>
  log.filter((r) => r.method === 'POST').map((r) => ({ url: new URLSearchParams(r.form).get('url'), at: r.at }));

describe('saveAlive', () => {
  it('saves the live links with no capture in six months, oldest first, one every 10 s, with the keys', async () => {
    const h = harness({ captures: { 'https://b.org/': LONG_AGO, 'https://c.org/': LAST_MONTH }, posts: [] });
    const result = await h.run(['https://c.org/', 'https://b.org/', 'https://a.org/']);
    expect(posts(h.log).map((p) => p.url)).toEqual(['https://a.org/', 'https://b.org/']);
    const [first, second] = posts(h.log);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(10_000);
    expect(h.log.filter((r) => r.url.includes('/save')).every((r) => r.auth === 'LOW acc:sec')).toBe(true);
    expect(new URLSearchParams(h.log.find((r) => r.method === 'POST')!.form).get('if_not_archived_within')).toBe(
      '183d',
    );
    expect(result).toEqual({
      captures: [
        { url: 'https://a.org/', outcome: 'saved', timestamp: '20261201023500', detail: 'captured 2026-12-01' },
        { url: 'https://b.org/', outcome: 'saved', timestamp: '20261201023500', detail: 'captured 2026-12-01' },
      ],
      waiting: 0,
      note: null,
    });
  });

  it('remembers captures, so the next night asks the index nothing for them', async () => {
    const memory = new Map<string, CaptureMemory>();
    const h = harness({ captures: {}, posts: [] });
    await h.run(['https://a.org/'], memory);
    expect(memory.get('https://a.org/')).toMatchObject({ lastCapture: '20261201023500' });
    const next = harness({ captures: {}, posts: [] });
    await next.run(['https://a.org/'], memory);
    expect(next.log).toEqual([]);
  });

  it('on a 429 waits as Retry-After asks (and never less than its pace) and asks for the same link again', async () => {
    const h = harness({ captures: {}, posts: [{ status: 429, body: {}, retryAfter: '30' }] });
    const result = await h.run(['https://a.org/']);
    const p = posts(h.log);
    expect(p.map((x) => x.url)).toEqual(['https://a.org/', 'https://a.org/']);
    expect(p[1]!.at - p[0]!.at).toBeGreaterThanOrEqual(30_000);
    expect(result.captures.map((c) => c.outcome)).toEqual(['saved']);
  });

  it('on error:user-session-limit backs off a minute; after three back-offs the rest waits for another night', async () => {
    const limit = { status: 200, body: { status: 'error', status_ext: 'error:user-session-limit', message: 'wait' } };
    const once = harness({ captures: {}, posts: [limit] });
    await once.run(['https://a.org/']);
    expect(posts(once.log)[1]!.at - posts(once.log)[0]!.at).toBeGreaterThanOrEqual(60_000);

    const h = harness({ captures: {}, posts: [limit, limit, limit, limit] });
    const result = await h.run(['https://a.org/', 'https://b.org/']);
    expect(posts(h.log)).toHaveLength(4);
    expect(result).toMatchObject({ captures: [], waiting: 2 });
    expect(result.note).toMatch(/asked to slow down more than once; the rest wait for another night/);
  });

  it("stops before asking when today's allowance is spent", async () => {
    const h = harness({ captures: {}, posts: [], user: { daily_captures: 1000, daily_captures_limit: 1000 } });
    const result = await h.run(['https://a.org/']);
    expect(posts(h.log)).toEqual([]);
    expect(result).toMatchObject({ captures: [], waiting: 1 });
    expect(result.note).toMatch(/today's allowance of 1000 captures for these keys is spent/);
  });

  it('asks for at most so many a night; the rest wait', async () => {
    const h = harness({ captures: {}, posts: [] }, { perNight: 1 });
    const result = await h.run(['https://a.org/', 'https://b.org/', 'https://c.org/']);
    expect(posts(h.log).map((p) => p.url)).toEqual(['https://a.org/']);
    expect(result.waiting).toBe(2);
  });

  it('reports a job still pending after two minutes as pending, and an API error in its words', async () => {
    const h = harness({
      captures: {},
      posts: [{ status: 200, body: { status: 'error', status_ext: 'error:blocked-url', message: 'blocked\nlist' } }],
      pendingLooks: Infinity,
    });
    const result = await h.run(['https://a.org/', 'https://b.org/']);
    expect(result.captures).toEqual([
      { url: 'https://a.org/', outcome: 'failed', timestamp: null, detail: 'error:blocked-url: blocked list' },
      { url: 'https://b.org/', outcome: 'pending', timestamp: null, detail: 'still being captured (job job-1)' },
    ]);
  });

  it('ends with the run: what is left waits for another night', async () => {
    const stop = new AbortController();
    stop.abort('max-time');
    const h = harness({ captures: {}, posts: [] }, { stop: stop.signal });
    const result = await h.run(['https://a.org/']);
    expect(posts(h.log)).toEqual([]);
    expect(result.captures).toEqual([]);
  });
});

describe('keysFromEnv', () => {
  it('wants both keys', () => {
    expect(keysFromEnv({ IA_ACCESS_KEY_ID: 'a', IA_SECRET_ACCESS_KEY: 'b' })).toEqual({ access: 'a', secret: 'b' });
    expect(keysFromEnv({ IA_ACCESS_KEY_ID: 'a' })).toBeNull();
    expect(keysFromEnv({ IA_ACCESS_KEY_ID: ' ', IA_SECRET_ACCESS_KEY: 'b' })).toBeNull();
  });
});

describe('the daily allowance', () => {
  it('asks tonight for no more than is left of it', async () => {
    const h = harnessWithAllowance(1);
    const result = await h.run(['https://a.org/', 'https://b.org/']);
    expect(posts(h.log).map((p) => p.url)).toEqual(['https://a.org/']);
    expect(result.waiting).toBe(1);
  });
});

function harnessWithAllowance(left: number) {
  return harness({ captures: {}, posts: [], user: { daily_captures: 1000 - left, daily_captures_limit: 1000 } });
}
