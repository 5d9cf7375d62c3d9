/**
 * The simulated web itself, seen from a plain Node client: if these fail, every integration, e2e and demo result
 * built on it means nothing.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_CERT_HOST, REFUSED_HOST, SCENARIOS, UNMAPPED_HOSTS, U } from '../fixtures/simweb/catalogue.ts';
import { startSimWeb, type SimWeb } from '../fixtures/simweb/server.ts';
import { HUGE_PAGE_BYTES } from '../fixtures/simweb/sites.ts';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function get(sim: SimWeb, url: string, extra: https.RequestOptions = {}): Promise<Answer> {
  const u = new URL(url);
  const secure = u.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(
      {
        host: '127.0.0.1',
        port: sim.port,
        path: `${u.pathname}${u.search}`,
        servername: u.hostname,
        ca: sim.caPem,
        agent: false,
        headers: { host: u.host, 'user-agent': 'Mozilla/5.0 (simweb smoke test)' },
        ...extra,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('simulated web', () => {
  let sim: SimWeb;
  beforeAll(async () => {
    sim = await startSimWeb();
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('serves https with a certificate from its own CA, valid at most 397 days', async () => {
    const r = await get(sim, 'https://www.nami.org/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>NAMI: National Alliance on Mental Illness</title>');
    const cert = await new Promise<tls.PeerCertificate>((resolve, reject) => {
      const s = tls.connect({ host: '127.0.0.1', port: sim.port, servername: 'www.nami.org', ca: sim.caPem }, () => {
        resolve(s.getPeerCertificate());
        s.end();
      });
      s.on('error', reject);
    });
    const x = new X509Certificate(cert.raw);
    expect(x.checkHost('web.archive.org')).toBe('web.archive.org');
    expect(x.checkHost('www.aa.org')).toBe('www.aa.org');
    expect((Date.parse(x.validTo) - Date.parse(x.validFrom)) / 86_400_000).toBeLessThanOrEqual(397);
    expect(x.issuer).toContain('still-there test CA');
  });

  it('serves plain http on the same port', async () => {
    const r = await get(sim, 'http://www.ocfoundation.org/');
    expect([r.status, r.headers.location]).toEqual([301, 'https://iocdf.org/']);
    expect(sim.requests.at(-1)).toMatchObject({
      host: 'www.ocfoundation.org',
      scheme: 'http',
      method: 'GET',
      cookie: false,
      referer: false,
    });
  });

  it('answers unknown names with 421 and gives the bad-certificate host a self-signed certificate', async () => {
    expect((await get(sim, 'http://no-such-site.example/')).status).toBe(421);
    await expect(get(sim, `https://${BAD_CERT_HOST}/`)).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  });

  it('maps every catalogue host, the refused one to a closed port and the lapsed ones nowhere', async () => {
    for (const s of SCENARIOS) {
      const host = new URL(s.url).hostname;
      if (host === REFUSED_HOST || UNMAPPED_HOSTS.includes(host)) continue;
      expect(sim.hosts, s.url).toContain(host);
    }
    expect(sim.connectTo()).toContain(`${REFUSED_HOST}:443:127.0.0.1:${sim.closedPort}`);
    expect(sim.connectTo()).toContain(`www.aa.org:80:127.0.0.1:${sim.port}`);
    expect(sim.connectTo().some((c) => c.startsWith(UNMAPPED_HOSTS[0]!))).toBe(false);
    expect(sim.resolverRules()).toMatch(
      new RegExp(`^MAP nami\\.org 127\\.0\\.0\\.1:${sim.port}, .*MAP \\* ~NOTFOUND$`),
    );
    await expect(
      new Promise((resolve, reject) =>
        net.connect(sim.closedPort, '127.0.0.1').on('connect', resolve).on('error', reject),
      ),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('emulates the Wayback availability API, preferring the latest capture before the timestamp', async () => {
    const q = new URLSearchParams({
      url: U.jacsParked,
      timestamp: '20261101000000',
      closest: 'before',
      status_code: '200',
    });
    const r = await get(sim, `https://archive.org/wayback/available?${q}`);
    expect(r.headers['content-type']).toContain('application/json');
    expect(JSON.parse(r.body)).toEqual({
      url: U.jacsParked,
      archived_snapshots: {
        closest: {
          status: '200',
          available: true,
          url: 'http://web.archive.org/web/20190612083301/http://www.jacsweb.org/',
          timestamp: '20190612083301',
        },
      },
    });
    const none = await get(sim, `https://archive.org/wayback/available?url=${encodeURIComponent(U.namiConnection)}`);
    expect(JSON.parse(none.body)).toEqual({ url: U.namiConnection, archived_snapshots: {} });
  });

  it('emulates the CDX API: a header row, then rows in time order, the last N for limit=-N', async () => {
    const q = new URLSearchParams({
      url: 'https://jacsweb.org',
      output: 'json',
      fl: 'timestamp,statuscode,mimetype',
      filter: 'statuscode:200',
      to: '20261101000000',
      limit: '-25',
    });
    const rows = JSON.parse((await get(sim, `https://web.archive.org/cdx/search/cdx?${q}`)).body);
    expect(rows).toEqual([
      ['timestamp', 'statuscode', 'mimetype'],
      ['20050310041522', '200', 'text/html'],
      ['20190612083301', '200', 'text/html'],
    ]);
    q.set('limit', '-1');
    expect(JSON.parse((await get(sim, `https://web.archive.org/cdx/search/cdx?${q}`)).body)).toHaveLength(2);
    const replay = await get(sim, 'https://web.archive.org/web/20050310041522id_/http://www.jacsweb.org/');
    expect(replay.status).toBe(200);
    expect(replay.body).toContain('JACS: Jewish Alcoholics');
  });

  it('works as a proxy: absolute-form requests and CONNECT into its TLS side', async () => {
    const abs = await new Promise<number>((resolve, reject) =>
      http
        .request({ host: '127.0.0.1', port: sim.port, path: 'http://www.nmha.org/', agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject)
        .end(),
    );
    expect(abs).toBe(301);
    const socket = await new Promise<net.Socket>((resolve, reject) =>
      http
        .request({ host: '127.0.0.1', port: sim.port, method: 'CONNECT', path: 'www.aa.org:443', agent: false })
        .on('connect', (res: http.IncomingMessage, s: net.Socket) =>
          res.statusCode === 200 ? resolve(s) : reject(new Error(`CONNECT ${res.statusCode}`)),
        )
        .on('error', reject)
        .end(),
    );
    const r = await new Promise<Answer>((resolve, reject) => {
      const req = https.request(
        {
          host: 'www.aa.org',
          path: '/find-local-aa',
          ca: sim.caPem,
          createConnection: () => tls.connect({ socket, servername: 'www.aa.org', ca: sim.caPem }),
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(r.status).toBe(200);
    expect(sim.requests.at(-1)).toMatchObject({
      host: 'www.aa.org',
      path: '/find-local-aa',
      scheme: 'https',
      viaProxy: true,
    });
    const refused = await new Promise<number>((resolve, reject) =>
      http
        .request({
          host: '127.0.0.1',
          port: sim.port,
          method: 'CONNECT',
          path: `${UNMAPPED_HOSTS[0]}:443`,
          agent: false,
        })
        .on('connect', (res: http.IncomingMessage, s: net.Socket) => {
          s.destroy();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject)
        .end(),
    );
    expect(refused).toBe(502);
  });

  it('stops streaming the 20 MiB page when the client hangs up', async () => {
    sim.reset();
    const u = new URL(U.hugePage);
    const read = await new Promise<number>((resolve, reject) => {
      const req = https.get(
        {
          host: '127.0.0.1',
          port: sim.port,
          path: u.pathname,
          servername: u.hostname,
          ca: sim.caPem,
          agent: false,
          headers: { host: u.host },
        },
        (res) => {
          expect(res.headers['content-length']).toBe(String(HUGE_PAGE_BYTES));
          let n = 0;
          res.on('data', (c: Buffer) => {
            n += c.length;
            if (n >= 256 * 1024) {
              res.destroy();
              resolve(n);
            }
          });
        },
      );
      req.on('error', (e) => (e.message.includes('aborted') ? undefined : reject(e)));
    });
    expect(read).toBeGreaterThanOrEqual(256 * 1024);
    await sleep(300);
    const sent = sim.bytesSentByHost(u.hostname);
    await sleep(300);
    expect(sim.bytesSentByHost(u.hostname)).toBe(sent);
    expect(sent).toBeLessThan(2 * 1024 * 1024);
  });

  it('resets, and fails once per address for the flaky hosts until reset()', async () => {
    await expect(get(sim, 'https://www.recovery.org/')).rejects.toMatchObject({ code: 'ECONNRESET' });
    sim.reset();
    expect((await get(sim, 'https://www.mentalhelp.net/support-groups/')).status).toBe(503);
    expect((await get(sim, 'https://www.mentalhelp.net/support-groups/')).status).toBe(200);
    sim.reset();
    expect((await get(sim, 'https://www.mentalhelp.net/support-groups/')).status).toBe(503);
  });
});

describe('simulated web: bulk hosts for the benchmark', () => {
  let sim: SimWeb;
  beforeAll(async () => {
    sim = await startSimWeb({ bulkHosts: { count: 3, linksPerHost: 5, delayMs: 150 } });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('lists its pages, answers them after the delay, and counts concurrency per host', async () => {
    const urls = sim.bulkUrls();
    expect(urls).toHaveLength(15);
    expect(urls[0]).toBe('https://www.group-001.org/meetings/1');
    const started = Date.now();
    const answers = await Promise.all(urls.slice(0, 3).map((u) => get(sim, u)));
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(sim.maxInFlightByHost('www.group-001.org')).toBe(3);
    expect(sim.maxInFlightByHost()).toBe(3);
    expect((await get(sim, 'https://www.group-002.org/meetings/still-there-x1')).status).toBe(404);
    expect((await get(sim, 'https://www.group-002.org/meetings/2', { method: 'HEAD' })).status).toBe(200);
  });
});
