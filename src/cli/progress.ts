/** A progress bar on stderr for long runs, only when stderr is a terminal (never in pipes, logs or CI). */
import cliProgress from 'cli-progress';

export interface Progress {
  grow(n: number): void;
  tick(): void;
  stop(): void;
}

/** Below this many links a bar is noise. */
const MIN_LINKS_FOR_BAR = 20;

export function createProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }, label = 'links'): Progress {
  if (!stream.isTTY || process.env.CI) return { grow() {}, tick() {}, stop() {} };
  let total = 0;
  let done = 0;
  let bar: cliProgress.SingleBar | null = null;
  return {
    grow(n) {
      total += n;
      if (!bar && total >= MIN_LINKS_FOR_BAR) {
        bar = new cliProgress.SingleBar(
          { stream, format: ` {bar} {value}/{total} ${label} · {eta_formatted} left`, hideCursor: true, clearOnComplete: true, etaBuffer: 50 },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      }
      bar?.setTotal(total);
    },
    tick() {
      done++;
      bar?.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
