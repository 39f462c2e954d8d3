import type { INestApplication, LoggerService } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface ShutdownOptions {
  /** After this, the process stops even with requests still running. */
  readonly deadlineMs: number;
  readonly logger: LoggerService;
  /** Where signals come from, and how the process ends: the process itself but in tests. */
  readonly signals?: Pick<NodeJS.EventEmitter, 'on'>;
  readonly exit?: (code: number) => void;
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * SIGTERM (or Ctrl-C) stops the application gracefully: no new connections, requests in flight
 * answered, live subscriptions ended (graphql-ws closes each socket with 1001, going away), then
 * the read models and the store closed, and exit 0. A second signal, or the deadline, stops it at
 * once with exit 1: what was acknowledged is stored already, what was not was never promised.
 */
export function stopGracefullyOnSignals(app: INestApplication, options: ShutdownOptions): void {
  const { deadlineMs, logger, signals = process, exit = (code) => process.exit(code) } = options;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn(`${signal} again: stopping now`);
      exit(1);
      return;
    }
    stopping = true;
    const seconds = deadlineMs / 1000;
    logger.log(`${signal}: finishing the requests in flight (up to ${seconds} s), then stopping`);
    const deadline = setTimeout(() => {
      logger.error(`Still not stopped after ${seconds} s: stopping now`);
      exit(1);
    }, deadlineMs);
    // The deadline alone never keeps the process running: with nothing left to wait for, it ends.
    deadline.unref();
    app.close().then(
      () => {
        clearTimeout(deadline);
        logger.log('Stopped');
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(deadline);
        logger.error(`Stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        exit(1);
      },
    );
  };
  for (const signal of SIGNALS) signals.on(signal, () => stop(signal));
}

/**
 * Once the server is closing, every answer says `Connection: close`: a keep-alive connection
 * whose request was in flight would otherwise stay open, and the server with it, until the
 * client's idle timeout.
 */
export function closeConnectionsWhenStopping(app: NestFastifyApplication): void {
  const server = app.getHttpAdapter().getInstance();
  let closing = false;
  server.addHook('preClose', async () => {
    closing = true;
  });
  server.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
}
