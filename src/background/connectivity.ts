/**
 * What counts as reaching a well-known host from the extension (the engine's connectivity rounds ask it,
 * src/health/connectivity.ts): navigator.onLine first (a machine with no network says so), then an answer — any
 * HTTP status — from the host, fetched by the same transport as the checks. A fetch that timed out, or failed without
 * a name, proves nothing: on a machine whose resolver denies every name, some names fail only after several seconds,
 * and a probe that counted its own timeout as "online" called live sites dead.
 */
import type { ReachesHost } from '../health/connectivity.ts';
import type { Transport } from '../health/transport.ts';

/** Long enough for a slow resolver's answer (glibc's default is 5 s a try); a round ends sooner when one host answers. */
const PROBE_TIMEOUT_MS = 10_000;

export function reachesInBrowser(transport: Transport): ReachesHost {
  return async (host) => {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return false;
    const ex = await transport.fetch(`https://${host}/`, {
      timeoutMs: PROBE_TIMEOUT_MS,
      maxBodyBytes: 1_024,
      maxRedirects: 5,
      allowPrivate: false,
    });
    return ex.status !== null;
  };
}
