/**
 * The organisation's policy for still-there (storage.managed), read by the background and the options page. Read
 * whole every time: Chrome hands the policy its administrator set (validated against public/managed_schema.json),
 * Firefox the "3rdparty" section of its enterprise policies, and Firefox refuses the read when no policy names us.
 */
import { readManaged, type ManagedSettings } from './settings.ts';

interface ManagedArea {
  get(keys: null): Promise<Record<string, unknown>>;
}

export async function readPolicy(storage: { managed?: ManagedArea }): Promise<ManagedSettings> {
  try {
    return readManaged(storage.managed ? await storage.managed.get(null) : {});
  } catch {
    return {};
  }
}
