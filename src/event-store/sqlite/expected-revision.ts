import { type ExpectedRevision, WrongExpectedRevisionError } from '../event-store.port.js';

/** @param actual revision of the stream's last event, or undefined when the stream does not exist */
export function assertExpectedRevision(
  stream: string,
  expected: ExpectedRevision,
  actual: number | undefined,
): void {
  if (!matches(expected, actual)) {
    throw new WrongExpectedRevisionError(stream, expected, actual ?? 'no_stream');
  }
}

function matches(expected: ExpectedRevision, actual: number | undefined): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === undefined;
    case 'stream_exists':
      return actual !== undefined;
    default:
      return actual === expected;
  }
}
