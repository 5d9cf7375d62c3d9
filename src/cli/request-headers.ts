/**
 * What the editor's site needs to let the audit in: a user agent its firewall accepts, and headers (a key, a
 * password) for its own host. A header is always for one host, named with it (`--header example.org="Name: value"`):
 * it is sent to that host alone, on every request and redirect hop to it, and never to another host — lychee sends
 * its headers everywhere, and its users asked for exactly this (lychee#1298). No report ever shows a header's value.
 */
import type { Dispatcher } from 'undici';
import { UsageError } from './usage-error.ts';

export interface HostHeader {
  /** Lower case, no port: the name as the address gives it. */
  host: string;
  name: string;
  value: string;
}

/** Headers the request itself decides, which a user's header must not replace. */
const OURS = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'user-agent', 'cookie']);

/** `HOST=Name: value`, checked: a host name, an HTTP header name, a value of one line. */
export function parseHeader(spec: string): HostHeader {
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(spec))
    throw new UsageError('--header wants HOST="Name: value" with the host name alone (no scheme, path or port)');
  const m = /^([^=\s:/]+)=([^:\s]+):\s*(.*)$/s.exec(spec);
  if (!m) {
    // The value is not repeated: it may be a key.
    const named = /^([^=:\s]+):/.exec(spec)?.[1];
    throw new UsageError(
      named
        ? `--header ${named}: say which host it is for, as --header directory.example.org="${named}: …" (a header is never sent to every host)`
        : '--header wants HOST="Name: value", such as --header directory.example.org="Authorization: Bearer …"',
    );
  }
  const host = m[1]!.toLowerCase().replace(/\.$/, '');
  const name = m[2]!;
  const value = m[3]!.trim();
  if (!/^[a-z\d.-]+$/.test(host) || host.includes('..'))
    throw new UsageError(`--header: "${m[1]}" is not a host name (give the name alone, no scheme or port)`);
  if (!/^[!#$%&'*+.^_`|~\w-]+$/.test(name)) throw new UsageError(`--header: "${name}" is not a header name`);
  if (OURS.has(name.toLowerCase()))
    throw new UsageError(
      `--header: ${name} is set by still-there itself${name.toLowerCase() === 'user-agent' ? '; use --user-agent' : ''}`,
    );
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value))
    throw new UsageError(`--header ${host} ${name}: the value holds a line break or control character`);
  return { host, name, value };
}

export function parseHeaders(specs: readonly string[] | undefined): HostHeader[] {
  return (specs ?? []).map(parseHeader);
}

/** The headers for a request to `host` (a URL's hostname): those given for exactly that host. */
export function headersForHost(headers: readonly HostHeader[], host: string): Record<string, string> {
  const name = host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  const out: Record<string, string> = {};
  for (const h of headers) if (h.host === name) out[h.name.toLowerCase()] = h.value;
  return out;
}

/**
 * An undici interceptor for the crawl (linkinator fetches with undici): each request, redirect hops included, gets
 * the user agent and the headers of the host it goes to, and no other host's.
 */
export function requestHeadersInterceptor(
  headers: readonly HostHeader[],
  userAgent: string | null,
): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (opts, handler) => {
    let host: string;
    try {
      host = new URL(String(opts.origin)).hostname;
    } catch {
      return dispatch(opts, handler);
    }
    const extra = headersForHost(headers, host);
    if (userAgent !== null) extra['user-agent'] = userAgent;
    if (Object.keys(extra).length === 0) return dispatch(opts, handler);
    return dispatch({ ...opts, headers: withHeaders(opts.headers, extra) }, handler);
  };
}

/** undici's request headers in any of their shapes, with `extra` set over them (names compared case-blind). */
function withHeaders(
  given: Dispatcher.DispatchOptions['headers'],
  extra: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (name: string, value: unknown) => {
    if (value === undefined || value === null) return;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  };
  if (Array.isArray(given)) {
    // A flat list [name, value, name, value …], as undici passes them on.
    for (let i = 0; i + 1 < given.length; i += 2) put(String(given[i]), given[i + 1]);
  } else if (given && typeof (given as Iterable<unknown>)[Symbol.iterator] === 'function') {
    for (const [name, value] of given as Iterable<[string, string]>) put(name, value);
  } else if (given) {
    for (const [name, value] of Object.entries(given)) put(name, value);
  }
  for (const [name, value] of Object.entries(extra)) out[name] = value;
  return out;
}
