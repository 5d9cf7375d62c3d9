/** The extension's part of the engine (src/health/engine.ts): the user's settings on the browser's network. */
import { newHomeFor } from '../directory/lookup.ts';
import { wayback, WAYBACK_DEFAULT } from '../health/archives/wayback.ts';
import type { ReachesHost } from '../health/connectivity.ts';
import { IN_BROWSER_LIMITS, type EngineConfig } from '../health/engine.ts';
import type { Transport } from '../health/transport.ts';
import type { Settings } from '../settings.ts';

export function browserEngineConfig(
  settings: Pick<Settings, 'archiveSuggestions' | 'allowPrivate'>,
  transport: Transport,
  reachesHost: ReachesHost,
): EngineConfig {
  return {
    transport,
    reachesHost,
    archives: settings.archiveSuggestions ? [wayback(WAYBACK_DEFAULT)] : [],
    limits: IN_BROWSER_LIMITS,
    allowPrivate: settings.allowPrivate,
    newHomeFor,
  };
}
