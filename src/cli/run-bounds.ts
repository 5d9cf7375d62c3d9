/**
 * An audit always ends, and always with its report: --max-time, and the editor's Ctrl-C (or a CI runner's
 * SIGTERM), end it early through one signal whose reason says which. The crawl, the checks and the archiving each
 * stop at it and the report is written from what was done; a second Ctrl-C leaves at once.
 */
import type { StopReason } from './audit-crawl.ts';

export interface RunBounds {
  /** Aborted with the StopReason that ended the run early. */
  readonly signal: AbortSignal;
  /** The reason the run ended early, or null while it has not. */
  readonly reason: StopReason | null;
  /** Stops watching the clock and the signals (the run is over). */
  close(): void;
}

export interface ProcessSignals {
  on(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  off(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  exit(code: number): never;
}

export function runBounds(options: {
  maxTimeMs: number | null;
  /** The process whose signals end the run (null: none, as in a test that runs the command in-process). */
  signals: ProcessSignals | null;
  /** Told when a signal ends the run, so the user knows the report is being written. */
  onInterrupt?: () => void;
}): RunBounds {
  const controller = new AbortController();
  let reason: StopReason | null = null;
  const end = (why: StopReason) => {
    if (reason !== null) return;
    reason = why;
    controller.abort(why);
  };
  const timer = options.maxTimeMs === null ? null : setTimeout(() => end('max-time'), options.maxTimeMs);
  // The clock alone never keeps a finished run waiting.
  timer?.unref();
  let interrupts = 0;
  const interrupted = () => {
    interrupts++;
    // The second Ctrl-C: the editor will not wait for the report.
    if (interrupts > 1) options.signals?.exit(130);
    options.onInterrupt?.();
    end('interrupted');
  };
  options.signals?.on('SIGINT', interrupted);
  options.signals?.on('SIGTERM', interrupted);
  return {
    signal: controller.signal,
    get reason() {
      return reason;
    },
    close() {
      if (timer) clearTimeout(timer);
      options.signals?.off('SIGINT', interrupted);
      options.signals?.off('SIGTERM', interrupted);
    },
  };
}
