/**
 * Offline is never dead. Before a network failure is believed, we ask whether this machine can reach anything:
 * a resolver that says "no such name" for every name (a machine with no internet access) looks exactly like a
 * lapsed domain until well-known names are tried too. Which names, and what counts as reaching one, is the
 * caller's (the CLI: the name resolves; the extension: the site answers).
 *
 * Two rules keep the answer a matter of evidence, never of which event came first:
 *   - only positive evidence is "online": a well-known name that resolved, a site that answered. A look-up that
 *     timed out, or a failure nobody named, proves nothing, so it is never taken for being online;
 *   - that evidence must be gathered after the failure it judges (the same round): a round under way when the
 *     failure is seen may be joined, since whatever it finds comes later; an "online" found before is never reused,
 *     the network may have gone since. An "offline" found a moment ago is reused: it only ever makes a verdict
 *     "unverified", and a machine with no network should not be asked the same question for every link.
 * The well-known hosts are tried one after another, the next starting when one fails or after a short head start,
 * so an online round costs one request and an offline one is not three times as slow.
 */

/** Answers "can this machine reach the network, now?" — true only on evidence gathered after the call. */
export interface ConnectivityProbe {
  isOnline(): Promise<boolean>;
}

/** Well-known names whose failure to resolve means the machine, not the link, is off the network. */
export const DEFAULT_ONLINE_HOSTS = ['web.archive.org', 'www.wikipedia.org', 'www.iana.org'];

/** Whether one well-known host was reached: true only on positive evidence; false for failures and timeouts alike. */
export type ReachesHost = (host: string) => Promise<boolean>;

/** How long an "offline" round is believed: the links of one page failing together share it. */
const OFFLINE_REUSE_MS = 30_000;
/** How long one host is given before the next is tried alongside it. */
const HEAD_START_MS = 1_000;

interface Round {
  online: Promise<boolean>;
  /** When the round ended; null while under way. */
  endedAt: number | null;
  result: boolean | null;
}

export function connectivityRounds(
  reaches: ReachesHost,
  hosts: string[],
  clock: () => number = () => Date.now(),
): ConnectivityProbe {
  let latest: Round | null = null;
  return {
    isOnline() {
      const asked = clock();
      const round = latest;
      if (round && (round.endedAt === null || (round.result === false && asked - round.endedAt < OFFLINE_REUSE_MS)))
        return round.online;
      const fresh: Round = { online: anyReached(reaches, hosts), endedAt: null, result: null };
      void fresh.online.then((online) => {
        fresh.endedAt = clock();
        fresh.result = online;
      });
      latest = fresh;
      return fresh.online;
    },
  };
}

/**
 * True as soon as one host is reached; false once every host has failed to be. Each host gets a head start before
 * the next joins in. No hosts: nothing to doubt.
 */
function anyReached(reaches: ReachesHost, hosts: string[]): Promise<boolean> {
  if (hosts.length === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    let next = 0;
    let failed = 0;
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (online: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(online);
    };
    const tryNext = () => {
      clearTimeout(timer);
      if (settled || next >= hosts.length) return;
      const host = hosts[next++]!;
      timer = setTimeout(tryNext, HEAD_START_MS);
      const failedOne = () => {
        if (++failed === hosts.length) finish(false);
        else tryNext();
      };
      reaches(host).then((reached) => (reached ? finish(true) : failedOne()), failedOne);
    };
    tryNext();
  });
}
