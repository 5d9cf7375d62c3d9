import { describe, expect, it } from 'vitest';
import { HostQueue, sleep } from '../../src/health/politeness.ts';

describe('per-host politeness', () => {
  it('never has more than 2 requests in flight to one host, while other hosts proceed', async () => {
    const q = new HostQueue({ perHost: 2, global: 50 });
    let maxA = 0;
    let activeA = 0;
    const started: string[] = [];
    const jobs = Array.from({ length: 10 }, (_, i) =>
      q.run('small-nonprofit.org', async () => {
        activeA++;
        maxA = Math.max(maxA, activeA);
        await sleep(10);
        activeA--;
        return i;
      }),
    );
    jobs.push(
      q.run('other.org', async () => {
        started.push('other');
        return -1;
      }),
    );
    await Promise.all(jobs);
    expect(maxA).toBe(2);
    expect(q.peakPerHost).toBe(2);
    expect(started).toEqual(['other']);
  });

  it('respects the global cap', async () => {
    const q = new HostQueue({ perHost: 2, global: 3 });
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        q.run(`h${i}.org`, async () => {
          active++;
          peak = Math.max(peak, active);
          await sleep(5);
          active--;
        }),
      ),
    );
    expect(peak).toBe(3);
  });

  it('a paused host waits out its pause, and other hosts do not wait for it', async () => {
    const q = new HostQueue({ perHost: 2, global: 10 });
    q.pause('busy.org', 120);
    const t0 = Date.now();
    await q.run('busy.org', async () => undefined);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(100);
    // Were idle.org to wait for busy.org's pause, busy.org's task would run first.
    q.pause('busy.org', 1_000);
    const order: string[] = [];
    const busy = q.run('busy.org', async () => void order.push('busy'));
    await q.run('idle.org', async () => void order.push('idle'));
    expect(order).toEqual(['idle']);
    await busy;
    expect(order).toEqual(['idle', 'busy']);
  });
});
