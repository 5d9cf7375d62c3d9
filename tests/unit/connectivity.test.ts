/**
 * "Am I online?" answered on evidence alone (src/health/connectivity.ts): only a reached host is online, the
 * evidence must come after the failure it judges, and rounds are shared and bounded.
 */
import { describe, expect, it, vi } from 'vitest';
import { reachesInBrowser } from '../../src/background/connectivity.ts';
import { connectivityRounds, type ReachesHost } from '../../src/health/connectivity.ts';
import { failedExchange, type Exchange, type FailureKind, type Transport } from '../../src/health/transport.ts';

const HOSTS = ['a.example', 'b.example', 'c.example'];

/** A network whose hosts answer as `state` says at the moment they are asked, after `ms`. */
function network(state: { online: boolean }, ms = 10) {
  const asked: string[] = [];
  const reaches: ReachesHost = (host) => {
    asked.push(host);
    const online = state.online;
    return new Promise((r) => setTimeout(() => r(online), ms));
  };
  return { reaches, asked };
}

describe('connectivityRounds', () => {
  it('is offline when every well-known host times out or fails: a timeout is no evidence of being online', async () => {
    vi.useFakeTimers();
    try {
      const timesOut: ReachesHost = () => new Promise((r) => setTimeout(() => r(false), 10_000));
      const answer = connectivityRounds(timesOut, HOSTS).isOnline();
      await vi.advanceTimersByTimeAsync(12_000);
      expect(await answer).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is online as soon as one host is reached, having asked only the first', async () => {
    const state = { online: true };
    const net = network(state);
    expect(await connectivityRounds(net.reaches, HOSTS).isOnline()).toBe(true);
    expect(net.asked).toEqual(['a.example']);
  });

  it('gives the next host a head start of a second, and counts a later host that is reached', async () => {
    vi.useFakeTimers();
    try {
      const asked: string[] = [];
      const reaches: ReachesHost = (host) => {
        asked.push(host);
        // The first never answers in time; the second fails at once; the third is reached.
        if (host === 'a.example') return new Promise((r) => setTimeout(() => r(false), 9_000));
        return Promise.resolve(host === 'c.example');
      };
      const answer = connectivityRounds(reaches, HOSTS).isOnline();
      await vi.advanceTimersByTimeAsync(999);
      expect(asked).toEqual(['a.example']);
      await vi.advanceTimersByTimeAsync(1);
      expect(await answer).toBe(true);
      expect(asked).toEqual(['a.example', 'b.example', 'c.example']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never reuses an "online" found before the question: the network may have gone since', async () => {
    const state = { online: true };
    const net = network(state);
    const probe = connectivityRounds(net.reaches, HOSTS);
    expect(await probe.isOnline()).toBe(true);
    state.online = false;
    expect(await probe.isOnline()).toBe(false);
  });

  it('shares the round under way among the failures seen meanwhile', async () => {
    const net = network({ online: true }, 50);
    const probe = connectivityRounds(net.reaches, HOSTS);
    const answers = await Promise.all([probe.isOnline(), probe.isOnline(), probe.isOnline()]);
    expect(answers).toEqual([true, true, true]);
    expect(net.asked).toHaveLength(1);
  });

  it('believes an "offline" for half a minute, then asks again', async () => {
    let clock = 0;
    const state = { online: false };
    const net = network(state, 0);
    const probe = connectivityRounds(net.reaches, HOSTS, () => clock);
    expect(await probe.isOnline()).toBe(false);
    const rounds = net.asked.length;
    state.online = true;
    clock = 29_000;
    expect(await probe.isOnline()).toBe(false);
    expect(net.asked).toHaveLength(rounds);
    clock = 31_000;
    expect(await probe.isOnline()).toBe(true);
  });

  it('treats a probe that throws as not reached', async () => {
    const probe = connectivityRounds(() => Promise.reject(new Error('boom')), HOSTS);
    expect(await probe.isOnline()).toBe(false);
  });
});

describe('reachesInBrowser: what counts as reaching a well-known site in a browser', () => {
  const answering = (status: number): Exchange => ({
    ...failedExchange('https://a.example/', 'unknown', ''),
    status,
    failure: null,
    failureDetail: '',
  });
  const transport = (answer: (url: string) => Exchange): Transport => ({ fetch: async (url) => answer(url) });

  it.each<FailureKind>([
    'timeout',
    'unknown',
    'no-such-domain',
    'dns-error',
    'unreachable',
    'offline',
    'refused',
    'tls-error',
  ])('a probe failing with %s is not evidence of being online', async (failure) => {
    const probe = connectivityRounds(
      reachesInBrowser(transport((url) => failedExchange(url, failure, 'net::ERR_SOMETHING'))),
      HOSTS,
    );
    expect(await probe.isOnline()).toBe(false);
  });

  it.each([200, 301, 403, 503])('any HTTP answer (%i) is', async (status) => {
    expect(await connectivityRounds(reachesInBrowser(transport(() => answering(status))), HOSTS).isOnline()).toBe(true);
  });
});
