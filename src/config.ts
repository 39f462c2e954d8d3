import { resolve } from 'node:path';

/** Configuration, read once at start-up from the environment and validated. */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** Where the embedded event store keeps its file. */
  readonly dataDir: string;
  readonly logLevel: LogLevel;
}

const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

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
  return { port, host: env.HOST?.trim() || 'localhost', dataDir: resolve(dataDir), logLevel };
}

/** Nest logs the chosen level and every level more severe than it. */
export function logLevelsFrom(level: LogLevel): LogLevel[] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1);
}
