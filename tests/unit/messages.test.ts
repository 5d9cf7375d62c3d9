/**
 * A lookup's answer carries verdicts in a shorter form (src/messages.ts, WireVerdict): whatever it leaves out must
 * come back exactly as it was, or a page would draw a moved link without its new address or a dead one without
 * its archived copy.
 */
import { describe, expect, it } from 'vitest';
import { fromWire, toWire, type LinkVerdict } from '../../src/messages.ts';

const base = {
  detail: 'answers normally',
  status: 200,
  newHome: null,
  archive: null,
  checkedAt: '2026-11-28T10:00:00.000Z',
  stale: false,
};
const SHAPES: LinkVerdict[] = [
  { url: 'https://www.nami.org/', verdict: 'alive', reason: 'ok', finalUrl: 'https://www.nami.org/', ...base },
  {
    url: 'http://www.ndmda.org/',
    verdict: 'moved',
    reason: 'moved',
    finalUrl: 'https://www.dbsalliance.org/',
    ...base,
    newHome: 'https://www.dbsalliance.org/',
    stale: true,
  },
  {
    url: 'http://www.ocfoundation.org/EO_Hoarding.aspx',
    verdict: 'dead',
    reason: 'not-found',
    ...base,
    detail: 'answered 404',
    status: 404,
    finalUrl: 'https://iocdf.org/EO_Hoarding.aspx',
    newHome: 'https://iocdf.org/',
    archive: {
      url: 'https://web.archive.org/web/20080513062455/http://www.ocfoundation.org/EO_Hoarding.aspx',
      timestamp: '20080513062455',
    },
  },
  {
    url: 'https://lapsed-group.example/',
    verdict: 'dead',
    reason: 'no-such-domain',
    ...base,
    detail: 'no such host',
    status: null,
    finalUrl: null,
  },
  {
    url: 'https://slow.example/',
    verdict: 'unverified',
    reason: 'timeout',
    ...base,
    detail: '',
    status: null,
    finalUrl: null,
  },
];

describe('verdicts in a lookup answer', () => {
  it.each(SHAPES.map((v) => [v.verdict, v.reason, v] as const))(
    '%s (%s) comes back as it was, detail included when asked for',
    (_v, _r, v) => {
      expect(fromWire(JSON.parse(JSON.stringify(toWire(v, true))))).toEqual(v);
    },
  );

  it('leaves the detail out unless asked, and nothing else a page draws', () => {
    for (const v of SHAPES) {
      const wire = JSON.parse(JSON.stringify(toWire(v, false)));
      expect(wire.detail).toBeUndefined();
      expect(fromWire(wire)).toEqual({ ...v, detail: '' });
    }
  });

  it('is about half as long as the whole verdict for the commonest answer, a working link', () => {
    const alive = SHAPES[0]!;
    expect(JSON.stringify(toWire(alive, false)).length).toBeLessThan(JSON.stringify(alive).length * 0.6);
  });
});
