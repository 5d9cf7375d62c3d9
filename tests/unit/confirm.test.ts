import { describe, expect, it } from 'vitest';
import { countFailures, settle, type Finding } from '../../src/health/confirm.ts';
import type { LinkHealth } from '../../src/health/link-health.ts';

const serverError: Finding = { kind: 'failed', reason: 'server-error', detail: 'server error (503)' };
const ok: Finding = { kind: 'alive', reason: 'ok', detail: 'answers normally' };
const hours = (h: number) => new Date(Date.parse('2026-11-01T00:00:00Z') + h * 3_600_000);

function run(findings: Array<[number, Finding]>) {
  let state: Pick<LinkHealth, 'history' | 'firstFailedAt' | 'lastAliveAt'> | undefined;
  let last;
  for (const [h, f] of findings) {
    last = settle(state, f, hours(h));
    state = last;
  }
  return last!;
}

describe('confirmation over time', () => {
  it('one server error is unverified, not dead', () => {
    const s = run([[0, serverError]]);
    expect(s.verdict).toBe('unverified');
    expect(s.detail).toMatch(/1 of 3/);
  });

  it('three failures on three nights make it dead', () => {
    const s = run([
      [0, serverError],
      [24, serverError],
      [48, serverError],
    ]);
    expect(s.verdict).toBe('dead');
    expect(s.reason).toBe('server-error');
    expect(s.firstFailedAt).toBe(hours(0).toISOString());
  });

  it('ten failures within one evening count once', () => {
    const s = run(Array.from({ length: 10 }, (_, i) => [i * 0.5, serverError] as [number, Finding]));
    expect(s.verdict).toBe('unverified');
    expect(s.countedFailures).toBe(1);
  });

  it('failures 12 hours apart count: dead after 24 hours at the earliest', () => {
    expect(
      run([
        [0, serverError],
        [12, serverError],
        [23, serverError],
      ]).verdict,
    ).toBe('unverified');
    expect(
      run([
        [0, serverError],
        [12, serverError],
        [24, serverError],
      ]).verdict,
    ).toBe('dead');
  });

  it('a success in between resets the count', () => {
    const s = run([
      [0, serverError],
      [24, serverError],
      [30, ok],
      [48, serverError],
      [72, serverError],
    ]);
    expect(s.verdict).toBe('unverified');
    expect(s.countedFailures).toBe(2);
  });

  it('offline checks are not recorded at all', () => {
    const s = run([
      [0, serverError],
      [24, { kind: 'offline', reason: 'offline', detail: '' }],
      [25, { kind: 'offline', reason: 'offline', detail: '' }],
    ]);
    expect(s.history).toHaveLength(1);
    expect(s.verdict).toBe('unverified');
    expect(s.reason).toBe('offline');
  });

  it('a bot wall neither counts nor resets', () => {
    const wall: Finding = { kind: 'unclear', reason: 'bot-wall', detail: '' };
    const s = run([
      [0, serverError],
      [24, wall],
      [36, serverError],
      [60, serverError],
    ]);
    expect(s.verdict).toBe('dead');
  });

  it('clear signals are dead at once; success remembers when the link was last good', () => {
    const s = run([
      [0, ok],
      [24, { kind: 'dead', reason: 'not-found', detail: '' }],
    ]);
    expect(s.verdict).toBe('dead');
    expect(s.lastAliveAt).toBe(hours(0).toISOString());
  });

  it('history stays bounded', () => {
    const s = run(Array.from({ length: 40 }, (_, i) => [i * 24, ok] as [number, Finding]));
    expect(s.history.length).toBeLessThanOrEqual(12);
  });

  it('counts nothing before the last success', () => {
    expect(
      countFailures([
        { at: hours(0).toISOString(), outcome: 'failed', reason: 'timeout' },
        { at: hours(24).toISOString(), outcome: 'ok', reason: 'ok' },
        { at: hours(48).toISOString(), outcome: 'failed', reason: 'timeout' },
      ]),
    ).toBe(1);
  });
});
