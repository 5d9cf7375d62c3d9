/**
 * "Is this browser online?" for the extension: navigator.onLine first (a machine with no network says so), then
 * the same well-known hosts as the CLI, fetched by the same transport: any answer other than a name or network
 * failure means the network works, so a lapsed domain is really lapsed.
 */
import { cachedConnectivity, DEFAULT_ONLINE_HOSTS, type ConnectivityProbe } from '../health/connectivity.ts';
import type { Transport } from '../health/transport.ts';

export function browserConnectivity(transport: Transport, hosts: string[] = DEFAULT_ONLINE_HOSTS): ConnectivityProbe {
  const probe = cachedConnectivity(async (host) => {
    const ex = await transport.fetch(`https://${host}/`, { timeoutMs: 5_000, maxBodyBytes: 1_024, maxRedirects: 5, allowPrivate: false });
    return !(ex.failure === 'no-such-domain' || ex.failure === 'offline' || ex.failure === 'unreachable' || ex.failure === 'dns-error');
  }, hosts);
  return {
    async isOnline() {
      if (typeof navigator !== 'undefined' && navigator.onLine === false) return false;
      return probe.isOnline();
    },
  };
}
