import { describe, expect, it } from 'vitest';
import { keepRepeatingAlarm, type AlarmsApi } from '../../src/background/repeating-alarm.ts';

/** Alarms as the browsers keep them: creating one under a name already set replaces it, its period starting anew. */
function fakeAlarms() {
  let now = 0;
  const set = new Map<string, { name: string; periodInMinutes: number; due: number }>();
  const api: AlarmsApi = {
    get: async (name) => set.get(name),
    create(name, info) {
      set.set(name, { name, periodInMinutes: info.periodInMinutes, due: now + (info.delayInMinutes ?? 0) });
    },
  };
  return { api, set, at: (minutes: number) => (now = minutes) };
}

describe('a repeating alarm', () => {
  it('is set at the first start, and left as it is at every later one, so it comes round on time', async () => {
    const { api, set, at } = fakeAlarms();
    expect(await keepRepeatingAlarm(api, 'feeds', 240)).toBe(true);
    // The background wakes every few minutes as pages open: the alarm stays due 240 minutes after it was set.
    for (let minute = 5; minute < 240; minute += 5) {
      at(minute);
      expect(await keepRepeatingAlarm(api, 'feeds', 240)).toBe(false);
    }
    expect(set.get('feeds')?.due).toBe(240);
  });

  it('is set again when the browser dropped it, or its period changed', async () => {
    const { api, set } = fakeAlarms();
    await keepRepeatingAlarm(api, 'feeds', 240);
    set.clear();
    expect(await keepRepeatingAlarm(api, 'feeds', 240)).toBe(true);
    expect(await keepRepeatingAlarm(api, 'feeds', 60)).toBe(true);
    expect(set.get('feeds')?.periodInMinutes).toBe(60);
  });
});
