/**
 * The app as `npm start` runs it (configuration from the environment), for tests that run it as a
 * child process they can kill. Says `listening on <port>` once it accepts requests.
 */
import { createApp } from '../../../src/app.js';
import { PlanProjection } from '../../../src/plans/read-models/plan-projection.js';
import { loadConfig } from '../../../src/config.js';

const config = loadConfig();
const app = await createApp(config);
await app.listen(config.port, config.host);
await app.get(PlanProjection).whenReady();
const address = app.getHttpServer().address();
process.stdout.write(`listening on ${typeof address === 'object' && address ? address.port : config.port}\n`);
