/** A progress bar on stderr for long runs, only when stderr is a terminal (never in pipes, logs or CI). */
import cliProgress from 'cli-progress';

export interface Progress {
  grow(n: number): void;
  tick(): void;
  /** Starts drawing a progress that was created hidden (while another line, the crawl's, has the terminal). */
  show(): void;
  stop(): void;
}

/** Below this many links a bar is noise. */
const MIN_LINKS_FOR_BAR = 20;

export function createProgress(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  label = 'links',
  options: { hidden?: boolean } = {},
): Progress {
  if (!stream.isTTY || process.env.CI) return { grow() {}, tick() {}, show() {}, stop() {} };
  let total = 0;
  let done = 0;
  let hidden = options.hidden ?? false;
  let bar: cliProgress.SingleBar | null = null;
  const draw = () => {
    if (!bar && !hidden && total >= MIN_LINKS_FOR_BAR) {
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: ` {bar} {value}/{total} ${label} · {eta_formatted} left`,
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, done);
    }
  };
  return {
    grow(n) {
      total += n;
      draw();
      bar?.setTotal(total);
    },
    tick() {
      done++;
      bar?.update(done);
    },
    show() {
      hidden = false;
      draw();
    },
    stop() {
      bar?.stop();
    },
  };
}

/**
 * The crawl's progress on one line of a terminal ("reading the site: 12 pages read, 40 of its links found"),
 * rewritten in place and cleared at the end; nothing in pipes, logs or CI.
 */
export function createCrawlProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }): {
  page(read: number, found: number): void;
  stop(): void;
} {
  if (!stream.isTTY || process.env.CI) return { page() {}, stop() {} };
  let shown = false;
  return {
    page(read, found) {
      stream.write(
        `\r\x1b[2K reading the site: ${read} ${read === 1 ? 'page' : 'pages'} read, ${found} of its links found`,
      );
      shown = true;
    },
    stop() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
