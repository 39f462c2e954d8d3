/**
 * Prints one plain closing line ("Tests: N passed, N failed, N skipped") that CI reads. It is
 * written as the process exits, so it comes after Jest's own summary.
 */
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numRuntimeErrorTestSuites } = results;
    const failed = numFailedTests + numRuntimeErrorTestSuites;
    const line = `\nTests: ${numPassedTests} passed, ${failed} failed, ${numPendingTests} skipped\n`;
    process.once('exit', () => process.stderr.write(line));
  }
}
