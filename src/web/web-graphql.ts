import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { ApolloDriver } from '@nestjs/apollo';
import type { ApolloServer } from '@apollo/server';
import type { FastifyRequest } from 'fastify';
import type { Authentication } from '../auth/authenticator.js';
import { requestContext } from '../graphql/request-context.js';

/** One error of an operation, as the API answers it: a code and, for bad input, the field at fault. */
export interface PageError {
  readonly message: string;
  readonly code: string;
  readonly field?: string;
  /** Set when the error is PERSONAL_DATA_SUSPECTED's reason, so a form can offer the acknowledgement. */
  readonly reason?: string;
}

export type Answer<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly errors: PageError[] };

/**
 * The pages' only way to read and write: the application's own GraphQL operations, run in process
 * as the signed-in user through the web channel. Same resolvers, access guard, validation, request
 * limits and error codes as the API; the audit trail records `via: web`.
 */
@Injectable()
export class WebGraphQL implements OnApplicationBootstrap {
  private server?: ApolloServer;

  constructor(private readonly modules: ModuleRef) {}

  onApplicationBootstrap(): void {
    const graphql = this.modules.get(GraphQLModule, { strict: false }) as GraphQLModule<ApolloDriver>;
    this.server = graphql.graphQlAdapter.instance;
  }

  async run<T>(
    request: FastifyRequest,
    authentication: Authentication,
    query: string,
    variables: Record<string, unknown> = {},
    idempotencyKey?: string,
  ): Promise<Answer<T>> {
    if (!this.server) throw new Error('The GraphQL server has not started yet');
    // The browser's own headers never carry a key; a form's key (see WebPages.record) stands in.
    const headers = { ...request.headers, 'idempotency-key': idempotencyKey };
    const contextValue = { req: request, ...requestContext(headers, authentication, 'web') };
    const response = await this.server.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('The pages run no incremental operations');
    const { data, errors } = response.body.singleResult;
    if (errors?.length) {
      return {
        ok: false,
        errors: errors.map(({ message, extensions }) => ({
          message,
          code: String(extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
          ...(typeof extensions?.field === 'string' ? { field: extensions.field } : {}),
          ...(typeof extensions?.reason === 'string' ? { reason: extensions.reason } : {}),
        })),
      };
    }
    return { ok: true, data: data as T };
  }
}
