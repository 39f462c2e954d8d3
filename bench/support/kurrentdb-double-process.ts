/**
 * The KurrentDB double (test/support/kurrentdb-double) in a process of its own, so that neither the
 * app nor the load generator shares its event loop. Prints its connection string as the first line
 * of its output and serves until SIGTERM.
 */
import { KurrentDbDouble } from '../../test/support/kurrentdb-double/kurrentdb-double.js';

const double = await KurrentDbDouble.start();
process.stdout.write(`${double.connectionString}\n`);
process.once('SIGTERM', () => {
  void double.stop().then(() => process.exit(0));
});
