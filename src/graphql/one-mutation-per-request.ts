import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * One request, one outcome. GraphQL runs the root fields of a mutation one after another and keeps
 * what the first recorded when a later one fails, answering `data: null` for the lot: the user then
 * believes nothing happened, and a retry hits CONFLICT. So a mutation with more than one root field
 * is refused before anything runs, and the atomic mutations (recordActionUpdate) do the combined jobs.
 */
export function refusalOfMutation(
  operation: OperationDefinitionNode,
  document: DocumentNode,
): GraphQLError | undefined {
  if (operation.operation !== 'mutation') return undefined;
  const fields = rootFields(operation.selectionSet, document);
  if (fields.length <= 1) return undefined;
  const names = fields.map((field) => field.name.value);
  const ragAndNote = names.includes('changeRagStatus') && names.includes('addProgressNote');
  const advice = ragAndNote
    ? 'To change the RAG status and add a progress note together, use recordActionUpdate.'
    : 'Send each mutation in its own request (recordActionUpdate records a RAG change and a note together).';
  const second = fields[1]!;
  return new GraphQLError(
    `A request may hold only one mutation, so that it is recorded whole or not at all; this one holds ` +
      `${fields.length} (${names.join(', ')}). Nothing was recorded. ${advice}`,
    { extensions: { code: 'BAD_USER_INPUT', field: second.alias?.value ?? second.name.value } },
  );
}

/** Root fields as they will run: aliases apart, fragments followed, `__typename` (which records nothing) left out. */
function rootFields(selectionSet: SelectionSetNode, document: DocumentNode): FieldNode[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === '__typename' ? [] : [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, document);
    const fragment = document.definitions.find(
      (definition) =>
        definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
    );
    return fragment?.kind === Kind.FRAGMENT_DEFINITION ? rootFields(fragment.selectionSet, document) : [];
  });
}

/** Over HTTP: refused once the operation is known, before it executes. */
export const oneMutationPerRequest: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document }) {
        const refusal = operation && refusalOfMutation(operation, document);
        if (!refusal) return;
        throw new GraphQLError(refusal.message, {
          extensions: { ...refusal.extensions, http: { status: 400 } },
        });
      },
    };
  },
};
