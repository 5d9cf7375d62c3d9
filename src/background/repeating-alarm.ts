/**
 * A repeating alarm, set once. Creating an alarm under a name already set replaces it and starts its period afresh
 * (Chrome and Firefox alike), and the background starts many times a day: whenever a page opens after it went to
 * sleep (every page's first look wakes it). Made at every start, the alarm would come round only when no page had
 * been opened for a whole period. Browsers may also drop alarms (an update, a restart), so each start makes sure it is
 * there, as Chrome's documentation advises.
 */
export interface AlarmsApi {
  get(name: string): Promise<{ name: string; periodInMinutes?: number } | undefined | null>;
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): Promise<void> | void;
}

/** Sets the alarm unless it is already set with this period; true when it was (re)created. */
export async function keepRepeatingAlarm(alarms: AlarmsApi, name: string, periodInMinutes: number): Promise<boolean> {
  const set = await alarms.get(name);
  if (set && set.periodInMinutes === periodInMinutes) return false;
  await alarms.create(name, { periodInMinutes, delayInMinutes: periodInMinutes });
  return true;
}
