/**
 * A PDF fetched by the background for the report page (src/background/document-fetch.ts), with the browser's fetch,
 * webRequest events and CacheStorage played by the test: screened before any request, sent without cookies,
 * credentials or referrer, thrown away when a public name led into a private network, and left in the document cache
 * for the page only when all is well. And the PDF's links as the report page lists them (src/audit/pdf-links.ts).
 */
import { describe, expect, it, vi } from 'vitest';
import { fetchDocument } from '../../src/background/document-fetch.ts';
import { NetworkLog } from '../../src/background/network-log.ts';
import { fakeWebRequest } from './fake-web-request.ts';
import { documentLinks } from '../../src/audit/pdf-links.ts';
import type { DocumentRead } from '../../src/documents/found.ts';
import { DOCUMENT_CACHE } from '../../src/messages.ts';

function fakeCaches() {
  const stored = new Map<string, Map<string, Response>>();
  return {
    stored,
    caches: {
      async open(name: string) {
        let cache = stored.get(name);
        if (!cache) stored.set(name, (cache = new Map()));
        return { put: async (key: string, res: Response) => void cache!.set(key, res) } as unknown as Cache;
      },
    },
  };
}

const PDF = new TextEncoder().encode('%PDF-1.7\n…');
let id = 0;

/** A fetch answering `body` from a server at `ip`, its webRequest events fired as a browser fires them. */
function answering(web: ReturnType<typeof fakeWebRequest>, ip: string, body: Uint8Array, status = 200) {
  return vi.fn(async (input: RequestInfo | URL, _init?: RequestInit) => {
    const requestId = String(++id);
    web.fire('onBeforeRequest', { requestId, url: String(input), tabId: -1 });
    web.fire('onResponseStarted', { requestId, ip });
    setTimeout(() => web.fire('onCompleted', { requestId, ip }), 5);
    return new Response(body.slice(), { status, headers: { 'content-type': 'application/pdf' } });
  });
}

describe('the background fetching a PDF for the report page', () => {
  it('fetches as a check does, and leaves the bytes in the document cache', async () => {
    const web = fakeWebRequest();
    const fetch = answering(web, '93.184.216.34', PDF);
    const { caches, stored } = fakeCaches();
    const answer = await fetchDocument('https://www.county-handouts.org/guide.pdf', {
      log: new NetworkLog(web.api),
      allowPrivate: () => false,
      caches,
      fetch,
    });
    expect(answer).toMatchObject({ ok: true, finalUrl: expect.any(String) });
    const init = fetch.mock.calls[0]![1]!;
    expect(init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' });
    const key = (answer as { key: string }).key;
    expect(new Uint8Array(await stored.get(DOCUMENT_CACHE)!.get(key)!.arrayBuffer())).toEqual(PDF);
  });

  it('never asks for a private or non-web address', async () => {
    const web = fakeWebRequest();
    const fetch = answering(web, '93.184.216.34', PDF);
    const deps = { log: new NetworkLog(web.api), allowPrivate: () => false, caches: fakeCaches().caches, fetch };
    expect(await fetchDocument('http://192.168.1.20/guide.pdf', deps)).toMatchObject({
      ok: false,
      problem: 'private-address',
    });
    expect(await fetchDocument('file:///home/me/guide.pdf', deps)).toMatchObject({
      ok: false,
      problem: 'not-web-link',
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('throws away what a public name led to inside a private network', async () => {
    const web = fakeWebRequest();
    const { caches, stored } = fakeCaches();
    const answer = await fetchDocument('https://intranet-guide.example.com/guide.pdf', {
      log: new NetworkLog(web.api),
      allowPrivate: () => false,
      caches,
      fetch: answering(web, '10.0.0.7', PDF),
    });
    expect(answer).toEqual({ ok: false, problem: 'private-address', detail: 'the address led into a private network' });
    expect(stored.get(DOCUMENT_CACHE)?.size ?? 0).toBe(0);
  });

  it("says what the server answered instead of a PDF's bytes", async () => {
    const web = fakeWebRequest();
    const answer = await fetchDocument('https://www.county-handouts.org/old.pdf', {
      log: new NetworkLog(web.api),
      allowPrivate: () => false,
      caches: fakeCaches().caches,
      fetch: answering(web, '93.184.216.34', new TextEncoder().encode('Not found'), 404),
    });
    expect(answer).toEqual({ ok: false, problem: 'http', detail: 'the server answered 404' });
  });
});

describe("a PDF's links as the report page lists them", () => {
  const read: DocumentRead = {
    title: 'Harbor County Resource Guide',
    pages: 2,
    notes: [],
    phones: [
      {
        printed: '1-800-273-8255',
        digits: '8002738255',
        context: 'National Suicide Prevention Lifeline: 1-800-273-8255',
        cell: 'National Suicide Prevention Lifeline: 1-800-273-8255',
        above: [],
        besideLinks: [],
        place: { page: 2, label: null, line: 4 },
      },
    ],
    links: [
      {
        href: 'https://www.example.com/bus-timetable',
        words: 'Bus timetable',
        context: 'Getting here: Bus timetable',
        place: { page: 2, label: null, line: 9 },
        kind: 'link',
      },
      {
        href: 'https://emotionsanonymous.org/meetings/',
        words: 'Meetings',
        context: 'Emotions Anonymous, a twelve-step fellowship: Meetings',
        place: { page: 1, label: null, line: 3 },
        kind: 'link',
      },
      {
        href: 'https://www.county-groups.org/thursday',
        words: 'www.county-groups.org/thursday',
        context: 'A peer support group meets on Thursdays: www.county-groups.org/thursday',
        place: { page: 2, label: null, line: 2 },
        kind: 'printed',
      },
    ],
  };

  it('in the order of the pages, each a resource by the words around it as on a web page, with its place', () => {
    const listed = documentLinks(read, 'https://www.county-handouts.org/guide.pdf', 'www.county-handouts.org');
    expect(listed.links.map((l) => [l.position, l.href, l.resource, l.place.page])).toEqual([
      [1, 'https://emotionsanonymous.org/meetings/', true, 1],
      [2, 'https://www.county-groups.org/thursday', true, 2],
      [3, 'https://www.example.com/bus-timetable', false, 2],
    ]);
    expect(listed.numbers.map((n) => [n.page, n.place.page, n.kind, n.current])).toEqual([
      ['https://www.county-handouts.org/guide.pdf', 2, 'former', '988'],
    ]);
  });
});
