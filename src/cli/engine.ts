/** Builds the engine for Node from command-line settings: the same checker the extension uses, on Node's network. */
import { readFileSync } from 'node:fs';
import { WAYBACK_DEFAULT, WaybackProvider, waybackAt } from '../health/archive.ts';
import { createChecker, DEFAULTS, type Checker } from '../health/checker.ts';
import { HostQueue, politely } from '../health/politeness.ts';
import { connectivityRounds, DEFAULT_ONLINE_HOSTS } from '../health/connectivity.ts';
import { createHttpTransport, parseConnectTo, type HttpTransport } from './http-transport.ts';

export interface EngineSettings {
  concurrency: number;
  timeoutMs: number;
  allowPrivate: boolean;
  archiveEndpoint: string | null; // null: the real Wayback Machine
  archive: boolean;
  connectTo: string[];
  onlineHosts: string[] | null; // null: the defaults
  caFiles: string[];
  newHomeFor?: (url: string) => string | null;
  /** The time the checks believe it is (the audit's STILL_THERE_NOW testing aid); the real clock otherwise. */
  now?: () => Date;
}

export const DEFAULT_SETTINGS: EngineSettings = {
  concurrency: DEFAULTS.concurrency,
  timeoutMs: DEFAULTS.timeoutMs,
  allowPrivate: false,
  archiveEndpoint: null,
  archive: true,
  connectTo: [],
  onlineHosts: null,
  caFiles: [],
};

export interface NodeEngine {
  checker: Checker;
  transport: HttpTransport;
  close(): void;
}

export function createNodeEngine(settings: EngineSettings): NodeEngine {
  const transport = createHttpTransport({
    connectTo: settings.connectTo.map(parseConnectTo),
    ca: settings.caFiles.map((f) => readFileSync(f, 'utf8')),
  });
  const fetchOptions = { timeoutMs: settings.timeoutMs, maxBodyBytes: DEFAULTS.maxBodyBytes, maxRedirects: DEFAULTS.maxRedirects, allowPrivate: settings.allowPrivate };
  // An archive endpoint the user names (a mirror, an emulator on loopback) is trusted like --allow-private.
  const queue = new HostQueue({ perHost: DEFAULTS.perHost, global: settings.concurrency });
  const archive = settings.archive
    ? new WaybackProvider(politely(transport, queue), settings.archiveEndpoint ? waybackAt(settings.archiveEndpoint) : WAYBACK_DEFAULT, { ...fetchOptions, allowPrivate: settings.allowPrivate || settings.archiveEndpoint !== null })
    : null;
  const checker = createChecker({
    transport,
    connectivity: connectivityRounds((h) => transport.resolves(h), settings.onlineHosts ?? DEFAULT_ONLINE_HOSTS),
    archive,
    queue,
    timeoutMs: settings.timeoutMs,
    allowPrivate: settings.allowPrivate,
    ...(settings.newHomeFor ? { newHomeFor: settings.newHomeFor } : {}),
    ...(settings.now ? { now: settings.now } : {}),
  });
  return { checker, transport, close: () => transport.close() };
}
