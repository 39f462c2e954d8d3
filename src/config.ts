import { resolve } from 'node:path';
import { loadAuthConfig, type AuthConfig } from './auth/tokens/auth-config.js';
import { DEFAULT_PLAN_CACHE_EVENTS } from './plans/read-models/read-side-settings.js';

/** Configuration, read once at start-up from the environment and validated. */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** Where the embedded event store keeps its file (unused when eventStoreUrl is set). */
  readonly dataDir: string;
  /** KurrentDB connection string; when set, events are kept there instead of the embedded store. */
  readonly eventStoreUrl?: string;
  readonly logLevel: LogLevel;
  /** How sign-in tokens are checked; left out, the embedded key in dataDir. */
  readonly auth?: AuthConfig;
  /**
   * Other sites' origins (scheme://host[:port]) whose browser scripts may call the API (CORS) and
   * open its WebSocket; from CORS_ORIGINS, comma-separated. The app's own pages need no entry.
   */
  readonly allowedOrigins?: readonly string[];
  /** `json` (one object a line, for log collectors) or `pretty` (for a person at a terminal). */
  readonly logFormat?: LogFormat;
  /** A scraper's shared secret for GET /metrics (METRICS_TOKEN); ADMIN tokens work as well. */
  readonly metricsToken?: string;
  /** How long SIGTERM waits for requests in flight before the process is stopped anyway. */
  readonly shutdownDeadlineMs?: number;
  /** The plan cache's bound, in events held in memory (PLAN_CACHE_EVENTS): see README. */
  readonly planCacheEvents?: number;
}

export type LogFormat = 'json' | 'pretty';

const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The schemes the KurrentDB client accepts (`+discover` finds the cluster's nodes by gossip). */
const KURRENTDB_URL = /^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\/[^/?#\s]+/;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`);
  }
  const logLevel = (env.LOG_LEVEL ?? 'log') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const dataDir = env.DATA_DIR?.trim() || './data';
  const eventStoreUrl = env.EVENT_STORE_URL?.trim() || undefined;
  if (eventStoreUrl !== undefined && !KURRENTDB_URL.test(eventStoreUrl)) {
    throw new ConfigError(
      // The value is not echoed: a connection string may carry a password.
      'EVENT_STORE_URL must be a KurrentDB connection string such as kurrentdb://localhost:2113?tls=false ' +
        '(schemes kurrentdb, kurrent, kdb or esdb, each optionally +discover, then host:port)',
    );
  }
  const allowedOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of allowedOrigins) {
    if (!/^https?:\/\/[^/?#\s]+$/.test(origin)) {
      throw new ConfigError(
        `CORS_ORIGINS must list origins such as https://board.example.gov.uk, got "${origin}"`,
      );
    }
  }
  return {
    port,
    allowedOrigins,
    ...operationsConfig(env),
    host: env.HOST?.trim() || 'localhost',
    dataDir: resolve(dataDir),
    auth: loadAuthConfig(env, resolve(dataDir)),
    ...(eventStoreUrl ? { eventStoreUrl } : {}),
    planCacheEvents: planCacheEventsOf(env),
    logLevel,
  };
}

/** At least one large plan must fit; beyond ten million events a single process is the wrong tool. */
function planCacheEventsOf(env: NodeJS.ProcessEnv): number {
  const events = Number(env.PLAN_CACHE_EVENTS ?? DEFAULT_PLAN_CACHE_EVENTS);
  if (!Number.isInteger(events) || events < 1_000 || events > 10_000_000) {
    throw new ConfigError(
      `PLAN_CACHE_EVENTS must be a whole number of events from 1000 to 10000000, got "${env.PLAN_CACHE_EVENTS}"`,
    );
  }
  return events;
}

/** Nest logs the chosen level and every level more severe than it. */
export function logLevelsFrom(level: LogLevel): LogLevel[] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1);
}

/** Shorter than this, a scrape token could be guessed. */
const MIN_METRICS_TOKEN_LENGTH = 32;

/** Logs, metrics and shutdown: see README, "Running it in production". */
function operationsConfig(
  env: NodeJS.ProcessEnv,
): Pick<AppConfig, 'logFormat' | 'metricsToken' | 'shutdownDeadlineMs'> {
  const production = env.NODE_ENV === 'production' || env.NODE_ENV === 'test';
  const logFormat = (env.LOG_FORMAT?.trim() || (production ? 'json' : 'pretty')) as LogFormat;
  if (logFormat !== 'json' && logFormat !== 'pretty') {
    throw new ConfigError(`LOG_FORMAT must be json or pretty, got "${env.LOG_FORMAT}"`);
  }
  const metricsToken = env.METRICS_TOKEN?.trim() || undefined;
  if (metricsToken !== undefined && metricsToken.length < MIN_METRICS_TOKEN_LENGTH) {
    // The value is not echoed: it is a secret.
    throw new ConfigError(`METRICS_TOKEN must be at least ${MIN_METRICS_TOKEN_LENGTH} characters long`);
  }
  const deadline = Number(env.SHUTDOWN_DEADLINE_SECONDS ?? 10);
  if (!Number.isFinite(deadline) || deadline <= 0 || deadline > 600) {
    throw new ConfigError(
      `SHUTDOWN_DEADLINE_SECONDS must be a number of seconds above 0, up to 600, got "${env.SHUTDOWN_DEADLINE_SECONDS}"`,
    );
  }
  return { logFormat, shutdownDeadlineMs: deadline * 1000, ...(metricsToken ? { metricsToken } : {}) };
}
