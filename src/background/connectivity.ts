/**
 * "Is this browser online?" for the extension: navigator.onLine first (a machine with no network says so), then
 * the same well-known hosts as the CLI, fetched by the same transport. Only an answer from one of them — any HTTP
 * status — is evidence of being online: a fetch that timed out, or failed without a name, proves nothing (on a
 * machine whose resolver denies every name, some names fail only after several seconds, and a probe that counted
 * its own timeout as "online" called live sites dead).
 */
import { connectivityRounds, DEFAULT_ONLINE_HOSTS, type ConnectivityProbe } from '../health/connectivity.ts';
import type { Transport } from '../health/transport.ts';

/** Long enough for a slow resolver's answer (glibc's default is 5 s a try); a round ends sooner when one host answers. */
const PROBE_TIMEOUT_MS = 10_000;

export function browserConnectivity(transport: Transport, hosts: string[] = DEFAULT_ONLINE_HOSTS): ConnectivityProbe {
  const rounds = connectivityRounds(async (host) => {
    const ex = await transport.fetch(`https://${host}/`, { timeoutMs: PROBE_TIMEOUT_MS, maxBodyBytes: 1_024, maxRedirects: 5, allowPrivate: false });
    return ex.status !== null;
  }, hosts);
  return {
    async isOnline() {
      if (typeof navigator !== 'undefined' && navigator.onLine === false) return false;
      return rounds.isOnline();
    },
  };
}
