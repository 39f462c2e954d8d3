import { Logger } from '@nestjs/common';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  const store = config.eventStoreUrl ? 'events in KurrentDB' : `events in ${config.dataDir}`;
  new Logger('Main').log(`GraphQL API on ${await app.getUrl()}/graphql (${store})`);
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? `Configuration error: ${error.message}` : error;
  new Logger('Main').error(message);
  process.exit(1);
});
