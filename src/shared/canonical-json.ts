/**
 * The one encoding hashes are computed over (the audit hash chain, request fingerprints): JSON
 * with no whitespace and object keys sorted by UTF-16 code units, as RFC 8785 (JCS) sorts them.
 * Strings and numbers are written by JSON.stringify, whose ECMAScript rules JCS adopts, so for the
 * JSON our stores hold this is JCS without a dependency.
 *
 * Values are taken the way JSON.stringify takes them (toJSON, undefined members left out, holes
 * and non-finite numbers as null): an event must hash the same when it is appended as when it is
 * read back, and the stores keep exactly what JSON.stringify wrote.
 */
export function canonicalJson(value: unknown): string {
  const encoded = encode(value, '');
  if (encoded === undefined) throw new TypeError(`${typeof value} has no JSON encoding`);
  return encoded;
}

function encode(value: unknown, key: string): string | undefined {
  const json = hasToJson(value) ? value.toJSON(key) : value;
  if (json === null || typeof json !== 'object') return JSON.stringify(json);
  if (Array.isArray(json)) {
    return `[${Array.from(json, (item: unknown, index) => encode(item, String(index)) ?? 'null').join(',')}]`;
  }
  const record = json as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .flatMap((name) => {
      const member = encode(record[name], name);
      return member === undefined ? [] : [`${JSON.stringify(name)}:${member}`];
    });
  return `{${members.join(',')}}`;
}

function hasToJson(value: unknown): value is { toJSON(key: string): unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  );
}
