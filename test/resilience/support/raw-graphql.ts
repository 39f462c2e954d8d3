/** What came back for one request, whatever it was: the status, the raw body and, if JSON, its errors. */
export interface RawAnswer {
  readonly status: number;
  readonly body: string;
  readonly json?: { data?: unknown; errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
}

/** Posts a JSON body (as text: it may be JSON no serialiser writes) without judging the answer. */
export async function postRaw(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<RawAnswer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  try {
    return { status: response.status, body: text, json: JSON.parse(text) as RawAnswer['json'] };
  } catch {
    return { status: response.status, body: text };
  }
}

/** Prototype-poisoning keys, which the HTTP layer refuses before GraphQL reads the body. */
export const hasPoisonedKeys = (body: unknown): boolean =>
  /"(?:__proto__|constructor|prototype)":/.test(JSON.stringify(body) ?? '');

/** A stack frame ("at fn (file.js:1:2)"), a module path, or the name of a JavaScript or driver error. */
const INTERNALS =
  /\bat (?:\S+ )?\(?(?:file:\/\/|\/|node:)|\.[cm]?[jt]s:\d+:\d+|\/(?:src|dist|node_modules)\/|\b(?:Type|Range|Reference|Eval|URI|Sqlite|System|Internal|Aggregate)Error\b|Cannot read propert|is not a function|Invalid string length|Maximum call stack/;

/** What a client must never see in an answer, whatever it sent; empty when the answer is sound. */
export function unsoundParts(answer: RawAnswer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  const internals = INTERNALS.exec(answer.body);
  if (internals) problems.push(`internals in the body: ${internals[0]}`);
  if (!answer.json) problems.push('a body that is not JSON');
  else if (answer.json.data === undefined && answer.json.errors === undefined) {
    problems.push('an answer that is not GraphQL: no data, no errors with a code');
  }
  for (const error of answer.json?.errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== 'string') problems.push(`an error without extensions.code: ${String(error.message)}`);
    if (code === 'INTERNAL_SERVER_ERROR') problems.push(`INTERNAL_SERVER_ERROR: ${String(error.message)}`);
  }
  return problems;
}

/** The request was refused as a whole: errors, and no mutation answered. */
export const refused = (answer: RawAnswer): boolean =>
  (answer.json?.errors?.length ?? 0) > 0 &&
  Object.values((answer.json?.data ?? {}) as Record<string, unknown>).every((value) => value === null);
