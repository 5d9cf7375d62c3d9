/**
 * Offline is never dead. Before a network failure is believed, we ask whether this machine can reach anything:
 * a resolver that says "no such name" for every name (a machine with no internet access) looks exactly like a
 * lapsed domain until well-known names are tried too. Which names, and how they are tried, is the caller's.
 */

/** Answers "is this machine on the network?" — true, false, or null when it cannot tell. */
export interface ConnectivityProbe {
  isOnline(): Promise<boolean>;
}

/** Well-known names whose failure to resolve means the machine, not the link, is off the network. */
export const DEFAULT_ONLINE_HOSTS = ['web.archive.org', 'www.wikipedia.org', 'www.iana.org'];

/**
 * Online when any of the hosts resolves. The answer is kept for `ttlMs` and concurrent questions share one probe,
 * so a page of 200 failing links costs one round of look-ups, not 200.
 */
export function cachedConnectivity(resolves: (host: string) => Promise<boolean>, hosts: string[], ttlMs = 30_000): ConnectivityProbe {
  let last: { at: number; online: Promise<boolean> } | null = null;
  return {
    isOnline() {
      const now = Date.now();
      if (last && now - last.at < ttlMs) return last.online;
      const online = (async () => {
        if (hosts.length === 0) return true; // no evidence to the contrary was asked for
        const results = await Promise.all(hosts.map((h) => resolves(h).catch(() => false)));
        return results.some(Boolean);
      })();
      last = { at: now, online };
      return online;
    },
  };
}
