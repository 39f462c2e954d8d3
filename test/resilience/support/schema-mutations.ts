import { dataOf } from '../../support/plan-api.js';
import type { TestApp } from '../../support/test-app.js';

/** A type reference as introspection answers it. */
interface TypeRef {
  readonly kind: string;
  readonly name: string | null;
  readonly ofType: TypeRef | null;
}

interface Argument {
  readonly name: string;
  readonly type: TypeRef;
}

/** One mutation of the running schema: a request taking every argument as a variable, and the
 * fields of each argument's input object (what a hostile client would fill in). */
export interface MutationShape {
  readonly name: string;
  readonly source: string;
  readonly args: readonly { readonly name: string; readonly fields: readonly string[] }[];
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
const SCHEMA_QUERY = `{
  __schema {
    mutationType { fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } } }
    types { name kind inputFields { name } }
  }
}`;

const printed = (type: TypeRef): string =>
  type.kind === 'NON_NULL'
    ? `${printed(type.ofType!)}!`
    : type.kind === 'LIST'
      ? `[${printed(type.ofType!)}]`
      : type.name!;

const named = (type: TypeRef): TypeRef => (type.ofType ? named(type.ofType) : type);

/** Every mutation the app serves, read from the schema, so a mutation added later is covered too. */
export async function mutationShapes(app: TestApp): Promise<MutationShape[]> {
  const { __schema: schema } = dataOf(
    await app.graphql<{
      __schema: {
        mutationType: { fields: { name: string; args: Argument[]; type: TypeRef }[] };
        types: { name: string; kind: string; inputFields: { name: string }[] | null }[];
      };
    }>(SCHEMA_QUERY),
  );
  const inputFields = new Map(schema.types.map((type) => [type.name, type.inputFields ?? []]));
  return schema.mutationType.fields.map((field) => {
    const declared = field.args.map((arg) => `$${arg.name}: ${printed(arg.type)}`).join(', ');
    const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    const returnsObject = ['OBJECT', 'INTERFACE', 'UNION'].includes(named(field.type).kind);
    const call = `${field.name}${passed ? `(${passed})` : ''}${returnsObject ? ' { __typename }' : ''}`;
    return {
      name: field.name,
      source: `mutation${declared ? ` (${declared})` : ''} { ${call} }`,
      args: field.args.map((arg) => ({
        name: arg.name,
        fields: (inputFields.get(named(arg.type).name!) ?? []).map((input) => input.name),
      })),
    };
  });
}
