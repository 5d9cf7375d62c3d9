/** The background's message table takes only what it expects from a page's script (src/background/handlers.ts). */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { CheckBudget } from '../../src/background/check-budget.ts';
import { createHandlers } from '../../src/background/handlers.ts';
import { VerdictStore } from '../../src/store/verdict-store.ts';

describe('the background answers only well-formed requests', () => {
  const badges: Array<[number, number]> = [];
  const handlers = createHandlers({
    store: new VerdictStore({ factory: new IDBFactory() }),
    startWork: () => undefined,
    budget: new CheckBudget(),
    siteKey: async () => null,
    setBadge: async (tabId, dead) => void badges.push([tabId, dead]),
  });
  const page = { tabId: 3, pageUrl: 'https://www.example-directory.org/' };

  it('sets a badge only from a count', async () => {
    for (const junk of [{ dead: 'lots' }, { dead: Number.NaN }, { dead: Infinity }, null, {}])
      await handlers.pageSummary(junk as never, page);
    await handlers.pageSummary({ dead: 1e12 }, page);
    expect(badges).toEqual([[3, 99_999]]);
  });

  it('answers a lookup without addresses with nothing, instead of failing', async () => {
    expect(await handlers.lookup(null as never, page)).toEqual({ verdicts: [] });
    expect(await handlers.lookup({ urls: 'https://www.aa.org/' } as never, page)).toEqual({ verdicts: [] });
  });

  it('has no handler under a name every object has', () => {
    expect(Object.hasOwn(handlers, 'toString')).toBe(false);
    expect(Object.hasOwn(handlers, 'constructor')).toBe(false);
  });
});
