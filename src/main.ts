import { Logger } from '@nestjs/common';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { stopGracefullyOnSignals } from './observability/graceful-shutdown.js';

/** How long SIGTERM waits for requests in flight unless SHUTDOWN_DEADLINE_SECONDS says otherwise. */
const DEFAULT_SHUTDOWN_DEADLINE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  const logger = new Logger('Main');
  stopGracefullyOnSignals(app, {
    deadlineMs: config.shutdownDeadlineMs ?? DEFAULT_SHUTDOWN_DEADLINE_MS,
    logger: new Logger('Shutdown'),
  });
  await app.listen(config.port, config.host);
  const store = config.eventStoreUrl ? 'events in KurrentDB' : `events in ${config.dataDir}`;
  logger.log(`GraphQL API on ${await app.getUrl()}/graphql (${store})`);
  logger.log(
    config.auth?.mode === 'oidc'
      ? `Sign-in: tokens from ${config.auth.issuer}`
      : `Sign-in: tokens made with npm run token (key in ${config.dataDir})`,
  );
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? `Configuration error: ${error.message}` : error;
  new Logger('Main').error(message);
  process.exit(1);
});
