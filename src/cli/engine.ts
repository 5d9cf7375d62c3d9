/** The engine for Node, from command-line settings: the same engine the extension uses (src/health/engine.ts), on Node's network. */
import { readFileSync } from 'node:fs';
import { wayback, WAYBACK_DEFAULT, waybackAt } from '../health/archives/wayback.ts';
import { COMMAND_LINE_LIMITS, createEngine, type Engine, type EngineConfig } from '../health/engine.ts';
import { DEFAULT_ONLINE_HOSTS, type ReachesHost } from '../health/connectivity.ts';
import type { Transport } from '../health/transport.ts';
import { createHttpTransport, parseConnectTo } from './http-transport.ts';
import type { HostHeader } from './request-headers.ts';

export interface EngineSettings {
  concurrency: number;
  timeoutMs: number;
  allowPrivate: boolean;
  archiveEndpoint: string | null; // null: the real Wayback Machine
  archive: boolean;
  connectTo: string[];
  onlineHosts: string[] | null; // null: the defaults
  caFiles: string[];
  /** --user-agent for the checks; null: a current browser's. */
  userAgent?: string | null;
  /** --header, each for its own host. */
  headers?: readonly HostHeader[];
  newHomeFor?: (url: string) => string | null;
  /** The time the checks believe it is (the audit's STILL_THERE_NOW testing aid); the real clock otherwise. */
  now?: () => Date;
}

export const DEFAULT_SETTINGS: EngineSettings = {
  concurrency: COMMAND_LINE_LIMITS.concurrency,
  timeoutMs: COMMAND_LINE_LIMITS.timeoutMs,
  allowPrivate: false,
  archiveEndpoint: null,
  archive: true,
  connectTo: [],
  onlineHosts: null,
  caFiles: [],
};

export interface NodeEngine extends Engine {
  /**
   * Whether this computer reaches the network now: a well-known name resolves through the checks' own resolver.
   * True when the check is turned off (--online-hosts ''), since nothing then says otherwise.
   */
  online(): Promise<boolean>;
  close(): void;
}

export function createNodeEngine(settings: EngineSettings): NodeEngine {
  const transport = createHttpTransport({
    connectTo: settings.connectTo.map(parseConnectTo),
    ca: settings.caFiles.map((f) => readFileSync(f, 'utf8')),
    ...(settings.userAgent ? { userAgent: settings.userAgent } : {}),
    ...(settings.headers?.length ? { headers: settings.headers } : {}),
  });
  // Online when a well-known name resolves, through the same resolver as the checks.
  const engine = createEngine(commandLineEngineConfig(settings, transport, (host) => transport.resolves(host)));
  const hosts = settings.onlineHosts ?? DEFAULT_ONLINE_HOSTS;
  return {
    check: engine.check,
    queue: engine.queue,
    async online() {
      if (hosts.length === 0) return true;
      const answers = await Promise.all(hosts.map((h) => transport.resolves(h)));
      return answers.some(Boolean);
    },
    close: () => transport.close(),
  };
}

/** The command line's part of the engine: its settings on a given network (Node's, or a test's stand-in). */
export function commandLineEngineConfig(
  settings: EngineSettings,
  transport: Transport,
  reachesHost: ReachesHost,
): EngineConfig {
  return {
    transport,
    reachesHost,
    ...(settings.onlineHosts ? { onlineHosts: settings.onlineHosts } : {}),
    // An archive endpoint the user names (a mirror, an emulator on loopback) is trusted like --allow-private.
    archives: settings.archive
      ? [settings.archiveEndpoint ? wayback(waybackAt(settings.archiveEndpoint), true) : wayback(WAYBACK_DEFAULT)]
      : [],
    limits: { ...COMMAND_LINE_LIMITS, timeoutMs: settings.timeoutMs, concurrency: settings.concurrency },
    allowPrivate: settings.allowPrivate,
    ...(settings.newHomeFor ? { newHomeFor: settings.newHomeFor } : {}),
    ...(settings.now ? { now: settings.now } : {}),
  };
}
