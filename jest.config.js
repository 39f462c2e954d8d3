/** The contract against a real KurrentDB runs only when one is given (CI has no Docker). */
const realKurrentDb = process.env.KURRENTDB_TEST_URL?.trim();
if (!realKurrentDb) {
  process.stderr.write(
    'Leaving out the event-store contract against a real KurrentDB server: KURRENTDB_TEST_URL is not set ' +
      '(see README, "Production: KurrentDB")\n',
  );
}

/** Jest in ESM mode; ts-jest only transpiles (tsconfig has isolatedModules), `npm run typecheck` checks types. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  testPathIgnorePatterns: [
    '/node_modules/',
    ...(realKurrentDb ? [] : ['kurrentdb-server\\.contract\\.spec\\.ts$']),
  ],
  testTimeout: 20000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
