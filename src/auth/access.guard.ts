import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { forbidden, notFound, unauthenticated, noSuchPlan } from '../plans/domain/errors.js';
import { PlanReads } from '../plans/read-models/plan-reads.js';
import { ACCESS_RULE, type AccessRule } from './allow.decorator.js';
import { Authenticator, type Authentication } from './authenticator.js';
import type { SignedInUser } from './domain/actor.js';
import { may, seesAuthority } from './domain/permissions.js';

type Arguments = Readonly<Record<string, unknown>>;

const at = (args: Arguments, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value as Arguments | null | undefined)?.[key], args);

const given = (value: unknown) => value !== undefined && value !== null && value !== '';

/**
 * The one gate in front of every GraphQL root field and HTTP route: signed in (else
 * UNAUTHENTICATED), a role that holds the handler's capability (else FORBIDDEN), and, for a user of
 * one local authority, a plan of that authority (else NOT_FOUND, as if it did not exist). The role
 * is checked before any id is looked at, so neither answer reveals whether an id exists.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly reads: PlanReads,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule?.capability === 'public') return true;
    const { authentication, args } = await this.requestOf(context);
    if (authentication.kind !== 'signedIn') throw unauthenticated();
    const { user } = authentication;
    if (!rule) throw forbidden(undefined, 'Nobody may do this');
    const timeTravel = rule.timeTravel?.some((name) => given(args[name])) ?? false;
    const needed = timeTravel ? (['timeTravel', rule.capability] as const) : ([rule.capability] as const);
    for (const capability of needed) {
      if (!may(user, capability)) {
        const what = capability === 'timeTravel' ? 'see the plan as it was' : 'do this';
        throw forbidden(undefined, `Your role (${user.roles.join(', ')}) may not ${what}`);
      }
    }
    await this.checkAuthority(user, rule, args);
    return true;
  }

  private async requestOf(
    context: ExecutionContext,
  ): Promise<{ authentication: Authentication; args: Arguments }> {
    if (context.getType<GqlContextType>() === 'graphql') {
      const graphql = GqlExecutionContext.create(context);
      const { authentication } = graphql.getContext<{ authentication?: Authentication }>();
      return { authentication: authentication ?? { kind: 'anonymous' }, args: graphql.getArgs<Arguments>() };
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return {
      authentication: await this.authenticator.authenticate(request.headers.authorization),
      args: { ...(request.query as Arguments), ...(request.params as Arguments) },
    };
  }

  /**
   * By the index: a plan another authority's user may not know exists is answered NOT_FOUND. An id
   * the index has not seen yet (recorded a moment ago through another instance) is looked for in
   * the store first, so it is never served unchecked.
   */
  private async checkAuthority(user: SignedInUser, rule: AccessRule, args: Arguments): Promise<void> {
    if (user.localAuthority === undefined) return;
    const planId = rule.plan ? at(args, rule.plan) : undefined;
    const actionId = rule.action ? at(args, rule.action) : undefined;
    if (typeof planId === 'string') {
      const plan = await this.reads.findSummary(planId);
      if (plan && !seesAuthority(user, plan.localAuthority)) {
        throw noSuchPlan(rule.plan!.split('.').at(-1)!);
      }
    }
    if (typeof actionId === 'string') {
      const plan = await this.reads.findSummaryOfAction(actionId);
      if (plan && !seesAuthority(user, plan.localAuthority)) {
        throw notFound(rule.action!.split('.').at(-1)!, 'No action has that id');
      }
    }
  }
}
