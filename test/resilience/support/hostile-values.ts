import * as fc from 'fast-check';

/** Ids that exist (so a request gets past "not found" into the rules), and ids that never could. */
export const oddIds = (realIds: readonly string[]) =>
  fc.oneof(
    fc.constantFrom(...realIds),
    fc.constantFrom('', ' ', '0', '-1', '../../etc/passwd', 'null', '%00', '\u0000', 'a'.repeat(10_000)),
    fc.uuid(),
    fc.constantFrom(...realIds).map((id) => `${id.toUpperCase()} `),
  );

const CONTROLS = ['\u0000', '\u0007', '\u001b', '\u000b', '\u0085', '\ufffe', '\ud800', '\udfff', '\u200b'];

/** Text a careless or hostile client sends: controls, lone surrogates, markup, formulas, and a lot of it. */
export const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .array(fc.constantFrom(...CONTROLS, 'a', ' ', '\n', '=1+1', '<script>', '\'"`'), { maxLength: 12 })
    .map((parts) => parts.join('')),
  fc.constantFrom('x'.repeat(70_000), '\u200b'.repeat(5_000), ' '.repeat(300), '🙂'.repeat(3_000)),
);

const BAD_DATES = [
  '2024-02-30',
  '2023-13-01',
  '9999-99-99',
  '0000-00-00',
  '2024-1-1',
  '01/02/2024',
  '2024-04-25T25:61:00Z',
  '+275760-09-13',
  'yesterday',
  '2024-W01',
];

/** Numbers and things that are almost numbers. */
const oddNumbers = fc.oneof(
  fc.constantFrom(0, -1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 1e308, -1e308, 0.5, Number.MIN_VALUE),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map((big) => big.toString()),
);

/** Any JSON value, shallow or nested, including the wrong type for the field. */
const wrongShapes = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxLength: 5 }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.constant(Array.from({ length: 5_000 }, (_, index) => `Owner ${index}`)),
  fc.constantFrom({ $ne: null }, { $gt: '' }, { toString: 'x', valueOf: 1 }),
);

/** Keys that poison prototypes; the HTTP layer refuses them before GraphQL sees the body. */
export const POISONED_BODIES = [
  '{"query":"mutation { closePlan(input: {planId: \\"x\\", reason: \\"y\\"}) { id } }","__proto__":{"x":1}}',
  '{"query":"{ plans { id } }","variables":{"input":{"constructor":{"prototype":{"roles":["ADMIN"]}}}}}',
];

/** One value for a field: hostile, or plausible enough to reach the domain's rules. */
export const hostileValue = (realIds: readonly string[]) =>
  fc.oneof(
    hostileText,
    oddIds(realIds),
    fc.constantFrom(...BAD_DATES),
    oddNumbers,
    wrongShapes,
    fc.constantFrom('RED', 'green', 'BLUE ', 'NOT_RATED', 'GREEN'),
  );

/** An argument's value: its input object with hostile fields (some left out, some extra), or anything. */
export const hostileArgument = (fields: readonly string[], realIds: readonly string[]) => {
  const value = hostileValue(realIds);
  const inputObject = fc.record(
    Object.fromEntries(fields.map((field) => [field, value])) as Record<string, typeof value>,
    { requiredKeys: [] },
  );
  const withExtra = fc
    .tuple(inputObject, fc.dictionary(fc.string({ maxLength: 10 }), value, { maxKeys: 2 }))
    .map(([input, extra]) => ({ ...extra, ...input }));
  return fields.length > 0 ? fc.oneof({ weight: 4, arbitrary: inputObject }, withExtra, value) : value;
};

/** Pieces of query text, shuffled into documents a parser and validator must refuse calmly. */
export const queryFragments = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'query',
        'mutation',
        'subscription',
        'fragment F on Plan',
        '{',
        '}',
        '(',
        ')',
        '[',
        ']',
      ),
      fc.constantFrom('plan', 'plans', 'actions', 'progressNotes', '__schema', '__type(name: "Plan")', 'id'),
      fc.constantFrom('$v: ID!', 'id: $v', 'id: "x"', '...F', '... on Plan', '@include(if: $v)', '@skip'),
      fc.constantFrom('addProgressNote(input: {actionId: "x", text: "t"})', 'closePlan', 'a: plan', '#', ':'),
      fc.constantFrom('"\\u0000"', '"""', '1e999', '-0', '\u0000', '\ufeff', 'ñ', 'x'.repeat(5_000)),
      fc.string({ unit: 'binary', maxLength: 6 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(' '));
