import type { ApolloServerPlugin } from '@apollo/server';
import {
  getOperationAST,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { refusalOfMutation } from './one-mutation-per-request.js';
import { checkRequestLimits, isTooManyTokens, MAX_TOKENS, TOO_MANY_TOKENS } from './request-limits.js';

/** graphql-ws runs operations without Apollo, so it needs the schema Apollo was given. */
export class LiveSchema {
  private schema: GraphQLSchema | undefined;

  /**
   * `hideSchema` (production): as Apollo does over HTTP, no introspection and no "Did you mean …?",
   * which would hand out the schema piece by piece.
   */
  constructor(private readonly hideSchema: boolean) {}

  /** Hands over the schema once Apollo starts (before the server listens). */
  readonly plugin: ApolloServerPlugin = {
    serverWillStart: async ({ schema }) => {
      this.schema = schema;
    },
  };

  /**
   * An operation sent over graphql-ws, parsed and checked as an HTTP request is (tokens, one
   * mutation, validity, aliases and cost), so the live endpoint is no way round the limits: the
   * errors to answer, or what to execute.
   */
  check(payload: SubscribePayload): readonly GraphQLError[] | ExecutionArgs {
    if (!this.schema)
      return [new GraphQLError('The server is starting', { extensions: { code: 'UNAVAILABLE' } })];
    let document: DocumentNode;
    try {
      document = parse(payload.query, { maxTokens: MAX_TOKENS });
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      return [
        isTooManyTokens(error.message) ? refused(TOO_MANY_TOKENS) : coded(error, 'GRAPHQL_PARSE_FAILED'),
      ];
    }
    const operationName = payload.operationName ?? undefined;
    const operation = getOperationAST(document, operationName);
    const several = operation && refusalOfMutation(operation, document);
    if (several) return [several];
    const invalid = this.validationErrors(this.schema, document);
    if (invalid.length > 0) return invalid;
    const variableValues = payload.variables ?? undefined;
    try {
      checkRequestLimits(this.schema, document, variableValues, operationName);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      return [refused(error.message)];
    }
    return { schema: this.schema, document, operationName, variableValues };
  }

  private validationErrors(schema: GraphQLSchema, document: DocumentNode): GraphQLError[] {
    const rules = this.hideSchema ? [...specifiedRules, NoSchemaIntrospectionCustomRule] : specifiedRules;
    return validate(schema, document, rules).map((error) => {
      const message = this.hideSchema ? error.message.replace(/ ?Did you mean(.+?)\?$/, '') : error.message;
      return coded(error, 'GRAPHQL_VALIDATION_FAILED', message);
    });
  }
}

/** The error with the code Apollo gives the same failure over HTTP. */
const coded = (error: GraphQLError, code: string, message = error.message) =>
  new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });

/** As request-limits refuses over HTTP, without the HTTP status that means nothing here. */
const refused = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field: 'query' } });
