/** An audit's early end (src/cli/run-bounds.ts): --max-time, and Ctrl-C once (write the report) or twice (leave). */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { runBounds } from '../../src/cli/run-bounds.ts';

function fakeProcess() {
  const emitter = new EventEmitter();
  const exit = vi.fn();
  return {
    emitter,
    signals: { on: emitter.on.bind(emitter), off: emitter.off.bind(emitter), exit: exit as never },
    exit,
  };
}

describe('runBounds', () => {
  it('--max-time ends the run with its reason', async () => {
    vi.useFakeTimers();
    try {
      const bounds = runBounds({ maxTimeMs: 5_000, signals: null });
      vi.advanceTimersByTime(4_999);
      expect(bounds.signal.aborted).toBe(false);
      vi.advanceTimersByTime(1);
      expect([bounds.signal.aborted, bounds.signal.reason, bounds.reason]).toEqual([true, 'max-time', 'max-time']);
      bounds.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('the first Ctrl-C ends the run to write its report; the second leaves at once', () => {
    const p = fakeProcess();
    const told = vi.fn();
    const bounds = runBounds({ maxTimeMs: null, signals: p.signals, onInterrupt: told });
    p.emitter.emit('SIGINT');
    expect([bounds.reason, told.mock.calls.length, p.exit.mock.calls.length]).toEqual(['interrupted', 1, 0]);
    p.emitter.emit('SIGINT');
    expect(p.exit).toHaveBeenCalledWith(130);
    bounds.close();
    expect(p.emitter.listenerCount('SIGINT') + p.emitter.listenerCount('SIGTERM')).toBe(0);
  });

  it('SIGTERM (a CI job cancelled) is an interruption too, and the first reason stands', () => {
    const p = fakeProcess();
    const bounds = runBounds({ maxTimeMs: null, signals: p.signals });
    p.emitter.emit('SIGTERM');
    expect(bounds.reason).toBe('interrupted');
    bounds.close();
  });
});
