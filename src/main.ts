import { Logger } from '@nestjs/common';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  const store = config.eventStoreUrl ? 'events in KurrentDB' : `events in ${config.dataDir}`;
  const logger = new Logger('Main');
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
