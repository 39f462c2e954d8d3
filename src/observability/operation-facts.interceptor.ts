import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import type { RequestContext } from '../graphql/request-context.js';
import { noteRequestFacts, operationNameOf, requestFactsOf } from './request-facts.js';

/**
 * Notes, for the access log and the latency metric, which GraphQL operation an HTTP request ran
 * and its correlation id. Runs after the access guard, so only operations someone was allowed to
 * start are named (an anonymous caller cannot invent metric labels). An unnamed operation is named
 * by its kind and first root field ("query plans"), which the schema bounds.
 */
@Injectable()
export class OperationFactsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const graphql = GqlExecutionContext.create(context);
    const { req, correlationId } = graphql.getContext<Partial<RequestContext> & { req?: FastifyRequest }>();
    // Live operations have no HTTP request of their own; their upgrade was logged when it was made.
    if (!req?.raw || requestFactsOf(req.raw).operation) return next.handle();
    const { operation, fieldName } = graphql.getInfo();
    noteRequestFacts(req.raw, {
      operation: operationNameOf(operation.name?.value) ?? `${operation.operation} ${fieldName}`,
      ...(correlationId ? { correlationId } : {}),
    });
    return next.handle();
  }
}
