/**
 * The engine's network in Node: node:http/https rather than fetch, because a checker needs what fetch hides —
 * every redirect hop with its status, DNS and TLS errors by name, a stream it can stop after the first few
 * hundred KiB, and its own name resolution (the system's by default; a fixed map in tests and the demo).
 * It sends no cookies, no credentials and no Referer.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import tls from 'node:tls';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import { normaliseUrl } from '../health/address.ts';
import { isPrivateAddress, isPrivateHost } from '../health/screen.ts';
import { headersForHost, type HostHeader } from './request-headers.ts';
import { decodeBody, firstBytes } from '../health/body.ts';
import {
  failedExchange,
  isTextual,
  type Exchange,
  type FailureKind,
  type FetchOptions,
  type Hop,
  type Transport,
} from '../health/transport.ts';

/** A current desktop browser's user agent: servers that refuse "node" or "curl" let people's browsers in. */
export const BROWSER_USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';

/** curl's --connect-to: requests for host:port go to address:port instead, with the original name for TLS and Host. */
export interface ConnectTo {
  host: string;
  port: number;
  address: string;
  toPort: number;
}

export interface HttpTransportOptions {
  connectTo?: ConnectTo[];
  /** With a connect-to map, names not in it fail as "no such domain" instead of asking the system: a sealed test web. */
  sealed?: boolean;
  /** Extra trusted CA certificates (PEM), e.g. the simulated web's. NODE_EXTRA_CA_CERTS works too. */
  ca?: string[];
  /** --user-agent: instead of a current browser's. */
  userAgent?: string;
  /** --header: each sent to its own host alone, on every hop that goes there. */
  headers?: readonly HostHeader[];
}

export interface HttpTransport extends Transport {
  /** Whether a host name resolves (the offline probe uses the same resolver as the checks). */
  resolves(host: string): Promise<boolean>;
  close(): void;
}

export function parseConnectTo(spec: string): ConnectTo {
  // HOST:PORT:ADDRESS:PORT, IPv6 addresses in brackets.
  const m = /^([^:\s]+):(\d+):(\[[^\]]+\]|[^:\s]+):(\d+)$/.exec(spec.trim());
  if (!m) throw new Error(`--connect-to wants HOST:PORT:ADDRESS:PORT, got "${spec}"`);
  return {
    host: m[1]!.toLowerCase(),
    port: Number(m[2]),
    address: m[3]!.replace(/^\[|\]$/g, ''),
    toPort: Number(m[4]),
  };
}

/** glibc waits 5 s a try, two tries by default (resolv.conf(5)): longer than that, the answer is not coming. */
const RESOLVE_PATIENCE_MS = 10_000;

const DECOMPRESSORS: Record<string, (() => zlib.Zlib & NodeJS.ReadWriteStream) | undefined> = {
  gzip: () => zlib.createGunzip(),
  'x-gzip': () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
  ...('createZstdDecompress' in zlib
    ? {
        zstd: () =>
          (zlib as unknown as { createZstdDecompress(): zlib.Zlib & NodeJS.ReadWriteStream }).createZstdDecompress(),
      }
    : {}),
};
const ACCEPT_ENCODING = Object.keys(DECOMPRESSORS)
  .filter((k) => !k.startsWith('x-'))
  .join(', ');

export function createHttpTransport(options: HttpTransportOptions = {}): HttpTransport {
  const map = new Map((options.connectTo ?? []).map((c) => [`${c.host}:${c.port}`, c]));
  const mappedNames = new Set((options.connectTo ?? []).map((c) => c.host));
  const sealed = options.sealed ?? map.size > 0;
  const agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: Infinity }),
    // One secure context built once: passing `ca` to the agent rebuilds the trust store per connection (~11 ms each).
    https: new https.Agent({
      keepAlive: true,
      maxSockets: Infinity,
      ...(options.ca?.length
        ? { secureContext: tls.createSecureContext({ ca: [...tlsRootCertificates(), ...options.ca] }) }
        : {}),
    }),
  };

  /**
   * The system resolver (getaddrinfo, as every other program on this machine), every address of its answer screened.
   * Node asks for all addresses (`options.all`) when it may try several (autoSelectFamily, the default since Node
   * 20) and expects an array back; one private address among them refuses the name, or a rebinding answer could
   * send the check into the user's own network.
   */
  function lookupFor(allowPrivate: boolean): LookupFunction {
    return (hostname, opts, callback) => {
      if (sealed) {
        const err = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
        process.nextTick(() => callback(err, '', 4));
        return;
      }
      dns.lookup(hostname, { ...opts, all: true }, (err, addresses) => {
        if (err) return callback(err, '', 4);
        const answer = addresses.filter((a) => a.family === 4 || a.family === 6);
        const privateOne = allowPrivate ? undefined : answer.find((a) => isPrivateAddress(a.address));
        if (privateOne || answer.length === 0) {
          const why = privateOne
            ? `${hostname} resolves to the private address ${privateOne.address}`
            : `${hostname} has no address`;
          return callback(Object.assign(new Error(why), { code: privateOne ? 'EPRIVATE' : 'ENODATA' }), '', 4);
        }
        if (opts.all) callback(null, answer);
        else callback(null, answer[0]!.address, answer[0]!.family);
      });
    };
  }

  function once(
    url: URL,
    fo: FetchOptions,
    deadline: number,
    signal: AbortSignal,
  ): Promise<{ res: http.IncomingMessage; req: http.ClientRequest }> {
    const secure = url.protocol === 'https:';
    const port = Number(url.port || (secure ? 443 : 80));
    const mapped = map.get(`${url.hostname.toLowerCase()}:${port}`);
    const headers: Record<string, string> = {
      // Given first, so nothing of the request's own below is replaced.
      ...headersForHost(options.headers ?? [], url.hostname),
      'user-agent': fo.userAgent ?? options.userAgent ?? BROWSER_USER_AGENT,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'accept-language': 'en-US,en;q=0.9,es;q=0.8',
      'accept-encoding': ACCEPT_ENCODING,
      host: url.host,
    };
    const reqOptions: https.RequestOptions = {
      method: 'GET',
      host: mapped ? mapped.address : url.hostname.replace(/^\[|\]$/g, ''),
      port: mapped ? mapped.toPort : port,
      path: `${url.pathname}${url.search}`,
      headers,
      agent: secure ? agents.https : agents.http,
      servername: isIpLiteral(url.hostname) ? undefined : url.hostname,
      signal,
      timeout: Math.max(1, deadline - Date.now()),
      // Mapped names and IP literals need no look-up; every other name goes through ours (private answers refused).
      ...(mapped || isIpLiteral(url.hostname) ? {} : { lookup: lookupFor(fo.allowPrivate) }),
    };
    return new Promise((resolve, reject) => {
      const req = (secure ? https : http).request(reqOptions, (res) => resolve({ res, req }));
      req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
      req.on('error', reject);
      req.end();
    });
  }

  async function fetchOne(requested: string, fo: FetchOptions): Promise<Exchange> {
    const started = Date.now();
    const deadline = started + fo.timeoutMs;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), fo.timeoutMs);
    const abortOuter = () => controller.abort();
    fo.signal?.addEventListener('abort', abortOuter, { once: true });
    const hops: Hop[] = [];
    const seen = new Set<string>();
    let current = new URL(requested);
    try {
      for (;;) {
        seen.add(normaliseUrl(current));
        let res: http.IncomingMessage;
        try {
          ({ res } = await once(current, fo, deadline, controller.signal));
        } catch (err) {
          const timedOut = controller.signal.aborted || Date.now() >= deadline;
          const kind = timedOut ? 'timeout' : failureOf(err);
          return failedExchange(requested, kind, describe(err), hops, Date.now() - started);
        }
        const status = res.statusCode ?? 0;
        const headers = flattenHeaders(res.headers);
        const locationHeader = status >= 300 && status < 400 ? headers.location : undefined;
        let next: URL | null = null;
        if (locationHeader) {
          try {
            next = new URL(locationHeader, current);
          } catch {
            next = null;
          }
        }
        hops.push({
          url: current.toString(),
          status,
          location: next?.toString() ?? null,
          setsCookie: Boolean(res.headers['set-cookie']),
        });
        if (next) {
          res.resume(); // drain and free the socket
          if (next.protocol !== 'http:' && next.protocol !== 'https:') {
            return failedExchange(
              requested,
              'bad-response',
              `redirects to a ${next.protocol} address`,
              hops,
              Date.now() - started,
            );
          }
          if (
            !fo.allowPrivate &&
            isPrivateHost(next.hostname) &&
            !map.has(`${next.hostname}:${next.port || (next.protocol === 'https:' ? 443 : 80)}`)
          ) {
            return failedExchange(
              requested,
              'private-address',
              `redirects to ${next.hostname}`,
              hops,
              Date.now() - started,
            );
          }
          if (seen.has(normaliseUrl(next)))
            return failedExchange(requested, 'redirect-loop', `back to ${next}`, hops, Date.now() - started);
          if (hops.length > fo.maxRedirects)
            return failedExchange(
              requested,
              'too-many-redirects',
              `${hops.length} redirects`,
              hops,
              Date.now() - started,
            );
          current = next;
          continue;
        }
        const textual = isTextual(headers['content-type']);
        let body = '';
        let truncated = false;
        if (textual) {
          try {
            ({ body, truncated } = await readBody(res, headers, fo.maxBodyBytes));
          } catch (err) {
            if (controller.signal.aborted)
              return failedExchange(
                requested,
                'timeout',
                'the body did not arrive in time',
                hops,
                Date.now() - started,
              );
            return failedExchange(requested, failureOf(err), describe(err), hops, Date.now() - started);
          }
        } else {
          res.destroy(); // a PDF or an image: its status is the answer, its bytes are not needed
        }
        return {
          requestedUrl: requested,
          hops,
          finalUrl: current.toString(),
          status,
          headers,
          body,
          bodyTruncated: truncated,
          failure: null,
          failureDetail: '',
          redirectsKnown: true,
          elapsedMs: Date.now() - started,
        };
      }
    } finally {
      clearTimeout(timer);
      fo.signal?.removeEventListener('abort', abortOuter);
    }
  }

  return {
    fetch: fetchOne,
    resolves(host: string) {
      return new Promise((resolve) => {
        if (sealed) return resolve(mappedNames.has(host.toLowerCase()));
        // A resolver that never answers is no evidence of being online: give up as glibc's own default would.
        const giveUp = setTimeout(() => resolve(false), RESOLVE_PATIENCE_MS);
        dns.lookup(host, (err) => {
          clearTimeout(giveUp);
          resolve(!err);
        });
      });
    },
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

/** Reads at most maxBytes of the decoded body, then hangs up: never buffers a whole body of many MiB. */
async function readBody(
  res: http.IncomingMessage,
  headers: Record<string, string>,
  maxBytes: number,
): Promise<{ body: string; truncated: boolean }> {
  const encoding = (headers['content-encoding'] ?? '').trim().toLowerCase();
  const make = DECOMPRESSORS[encoding];
  let stream: Readable = res;
  if (make) {
    const d = make() as unknown as Readable & NodeJS.WritableStream;
    res.pipe(d);
    res.on('error', (e) => d.destroy(e));
    stream = d;
  }
  try {
    const { bytes, truncated } = await firstBytes(stream as AsyncIterable<Uint8Array>, maxBytes);
    return { body: decodeBody(bytes, headers['content-type']), truncated };
  } finally {
    // Hang up: the rest of the body is not wanted (and a decompressor holds its own stream).
    res.destroy();
    stream.destroy();
  }
}

function flattenHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function isIpLiteral(host: string): boolean {
  return /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.includes(':') || host.startsWith('[');
}

function tlsRootCertificates(): string[] {
  return [...tls.rootCertificates];
}

const TLS_CODES = /^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_TLS|ERR_SSL|HOSTNAME_MISMATCH|EPROTO)/;

export function failureOf(err: unknown): FailureKind {
  const e = err as { code?: string; name?: string; message?: string };
  const code = e?.code ?? '';
  if (code === 'ENOTFOUND' || code === 'ENODATA' || code === 'ENONAME') return 'no-such-domain';
  if (code === 'EAI_AGAIN' || code === 'ESERVFAIL' || code === 'ETIMEOUT' || code === 'ECONNREFUSED_DNS')
    return 'dns-error';
  if (code === 'ECONNREFUSED') return 'refused';
  if (
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    code === 'ECONNABORTED' ||
    code === 'UND_ERR_SOCKET' ||
    /socket hang up/i.test(e?.message ?? '')
  )
    return 'reset';
  if (code === 'ETIMEDOUT' || code === 'ABORT_ERR' || e?.name === 'AbortError') return 'timeout';
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH' || code === 'ENETDOWN' || code === 'EHOSTDOWN')
    return 'unreachable';
  if (code === 'EPRIVATE') return 'private-address';
  if (TLS_CODES.test(code)) return 'tls-error';
  if (code.startsWith('HPE_') || code === 'Z_DATA_ERROR' || code === 'ERR_INVALID_CHAR') return 'bad-response';
  return 'unknown';
}

function describe(err: unknown): string {
  const e = err as { code?: string; message?: string };
  return [e?.code, e?.message].filter(Boolean).join(': ').slice(0, 200);
}
