/**
 * The verdict channel end to end, both of its ends (src/verdict-channel.ts and src/background/verdict-pushes.ts)
 * joined by a fake port: one question, the known verdicts at once, the rest pushed as checks end, nothing asked
 * again on a timer; a background that goes away and comes back; an extension that is gone for good.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VerdictPushes } from '../../src/background/verdict-pushes.ts';
import type { LinkHealth } from '../../src/health/link-health.ts';
import { toLinkVerdict, toWire, type LinkVerdict, type Requests, type WireVerdict } from '../../src/messages.ts';
import { openVerdictChannel, type ChannelPort } from '../../src/verdict-channel.ts';

function report(url: string, over: Partial<LinkHealth> = {}): LinkHealth {
  return {
    url,
    verdict: 'alive',
    reason: 'ok',
    detail: 'answers normally',
    status: 200,
    finalUrl: url,
    redirects: 0,
    newHome: null,
    archive: null,
    checkedAt: '2026-12-03T10:00:00.000Z',
    history: [],
    firstFailedAt: null,
    lastAliveAt: null,
    ...over,
  };
}

/** Two ends of one port; `drop()` closes it as a stopped service worker does. */
function portPair(): { page: ChannelPort; background: ChannelPort; drop(): void } {
  const listeners = { page: [] as Array<(m: unknown) => void>, background: [] as Array<(m: unknown) => void> };
  const closed = { page: [] as Array<() => void>, background: [] as Array<() => void> };
  let open = true;
  const end = (me: 'page' | 'background', other: 'page' | 'background'): ChannelPort => ({
    postMessage(m) {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      const copy = JSON.parse(JSON.stringify(m));
      queueMicrotask(() => listeners[other].forEach((l) => l(copy)));
    },
    onMessage: { addListener: (l) => listeners[me].push(l) },
    onDisconnect: { addListener: (l) => closed[me].push(l) },
    disconnect() {
      open = false;
      closed[other].forEach((l) => l());
    },
  });
  return {
    page: end('page', 'background'),
    background: end('background', 'page'),
    drop() {
      open = false;
      closed.page.forEach((l) => l());
      closed.background.forEach((l) => l());
    },
  };
}

/** A background whose store knows `known` and queues the rest. */
function background(known: Map<string, LinkHealth>) {
  const asked: string[][] = [];
  const pushes = new VerdictPushes(async (request: Requests['lookup']['request']) => {
    asked.push(request.urls);
    const verdicts: WireVerdict[] = [];
    const queued: string[] = [];
    for (const url of request.urls) {
      const r = known.get(url);
      if (r && !request.force) verdicts.push(toWire(toLinkVerdict(r), request.details === true));
      else queued.push(url);
    }
    return { verdicts, queued };
  });
  return { pushes, asked };
}

/** The extension's own page asking (the popup, the audit page). */
const NOBODY = { tabId: null, pageUrl: null };
const A = 'https://www.nami.org/';
const B = 'https://www.recovery-inc.org/';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the verdict channel', () => {
  it('answers with what is known, pushes the rest as checks end, and never asks again on a timer', async () => {
    const bg = background(new Map([[A, report(A)]]));
    const pushed: LinkVerdict[] = [];
    let connections = 0;
    const channel = openVerdictChannel({
      connect: () => {
        connections++;
        const pair = portPair();
        bg.pushes.connect(pair.background, NOBODY);
        return pair.page;
      },
      onVerdicts: (v) => pushed.push(...v),
    });
    const known = await channel.want([A, B]);
    expect(known.verdicts.map((v) => v.url)).toEqual([A]);
    expect(known.queued).toEqual([B]);
    expect(channel.awaited()).toEqual([B]);
    bg.pushes.deliver(report(B, { verdict: 'dead', reason: 'no-such-domain' }));
    await vi.advanceTimersByTimeAsync(60);
    expect(pushed.map((v) => `${v.url} ${v.verdict}`)).toEqual([`${B} dead`]);
    expect(channel.awaited()).toEqual([]);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(bg.asked).toEqual([[A, B]]);
    expect(connections).toBe(1);
    channel.close();
  });

  it('carries the detail only to readers that asked for it', async () => {
    const bg = background(new Map([[A, report(A)]]));
    const withDetail = openVerdictChannel({
      connect: () => {
        const p = portPair();
        bg.pushes.connect(p.background, NOBODY);
        return p.page;
      },
      onVerdicts: () => undefined,
      details: true,
    });
    const without = openVerdictChannel({
      connect: () => {
        const p = portPair();
        bg.pushes.connect(p.background, NOBODY);
        return p.page;
      },
      onVerdicts: () => undefined,
    });
    expect((await withDetail.want([A])).verdicts[0]!.detail).toBe('answers normally');
    expect((await without.want([A])).verdicts[0]!.detail).toBe('');
  });

  it('connects again and asks for what it still waits for when the background goes away, and only then', async () => {
    const bg = background(new Map());
    const pushed: string[] = [];
    const pairs: Array<ReturnType<typeof portPair>> = [];
    const channel = openVerdictChannel({
      connect: () => {
        const pair = portPair();
        pairs.push(pair);
        bg.pushes.connect(pair.background, NOBODY);
        return pair.page;
      },
      onVerdicts: (v) => pushed.push(...v.map((x) => x.url)),
      reconnectMs: 500,
    });
    await channel.want([A, B]);
    bg.pushes.deliver(report(A));
    await vi.advanceTimersByTimeAsync(60);
    pairs[0]!.drop(); // the service worker stopped with B's check still queued
    await vi.advanceTimersByTimeAsync(600);
    expect(bg.asked).toEqual([[A, B], [B]]);
    bg.pushes.deliver(report(B));
    await vi.advanceTimersByTimeAsync(60);
    expect(pushed).toEqual([A, B]);
    pairs[1]!.drop(); // nothing awaited now: no reason to wake the background
    await vi.advanceTimersByTimeAsync(60_000);
    expect(pairs).toHaveLength(2);
  });

  it('says so once when the extension is gone from the page (it was updated or removed)', async () => {
    let gone = 0;
    const channel = openVerdictChannel({
      connect: () => {
        throw new Error('Extension context invalidated.');
      },
      onVerdicts: () => undefined,
      onGone: () => gone++,
    });
    await expect(channel.want([A])).rejects.toThrow();
    await expect(channel.want([A])).rejects.toThrow();
    expect(gone).toBe(1);
  });

  it('forgets a reader whose page closed', async () => {
    const bg = background(new Map());
    const pair = portPair();
    const channel = openVerdictChannel({
      connect: () => (bg.pushes.connect(pair.background, NOBODY), pair.page),
      onVerdicts: () => undefined,
    });
    await channel.want([A]);
    channel.close();
    expect(() => bg.pushes.deliver(report(A))).not.toThrow();
    await vi.advanceTimersByTimeAsync(60);
  });
});
