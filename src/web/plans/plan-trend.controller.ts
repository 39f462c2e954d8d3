import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../auth/allow.decorator.js';
import type { PlanStatus } from '../../plans/domain/plan.js';
import { WebPages } from '../web-pages.js';
import { readTrendChoice } from './trend-choice.js';
import { trendView, type TrendPoint } from './trend-view.js';
import { RAG_COUNTS } from '../graphql-fields.js';

const TREND_PLAN = /* GraphQL */ `
  query TrendPlan($id: ID!) {
    plan(id: $id) {
      id
      title
      status
      localAuthority
      createdAt
    }
  }
`;

const RAG_TREND = /* GraphQL */ `
  query RagTrend($planId: ID!, $from: DateTime!, $to: DateTime!, $interval: TrendInterval!) {
    ragTrend(planId: $planId, from: $from, to: $to, interval: $interval) {
      at ${RAG_COUNTS}
    }
  }
`;

interface TrendPlan {
  readonly id: string;
  readonly title: string;
  readonly status: PlanStatus;
  readonly localAuthority: string | null;
  readonly createdAt: string;
}

/**
 * A plan's RAG trend: how many actions were at each RAG status, weekly or monthly, from when the
 * plan was created (or a chosen day) to now, replayed by the API. A chart and the same numbers
 * in a table.
 */
@Public()
@Controller('plans')
export class PlanTrendController {
  constructor(private readonly pages: WebPages) {}

  @Get(':planId/trend')
  async trend(
    @Param('planId') planId: string,
    @Query() query: Readonly<Record<string, unknown>>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const visit = await this.pages.visit(request, reply);
    if (!visit) return;
    const now = new Date();
    const choice = readTrendChoice(query, now);
    const heading = await this.pages.ask<{ plan: TrendPlan | null }>(visit, TREND_PLAN, { id: planId });
    if (!heading.ok) return this.pages.refuse(visit, heading.errors);
    const plan = heading.data.plan;
    if (!plan) return this.pages.refuse(visit, [{ code: 'NOT_FOUND', message: 'There is no such plan.' }]);
    const page = { plan, fields: choice.fields };
    if (!choice.ok) {
      return this.pages.render(visit, 'plans/trend.njk', { ...page, errors: choice.errors }, 400);
    }
    const answer = await this.pages.ask<{ ragTrend: TrendPoint[] }>(visit, RAG_TREND, {
      planId,
      from: choice.from ?? plan.createdAt,
      to: now.toISOString(),
      interval: choice.fields.interval,
    });
    if (!answer.ok) {
      const tooMany = answer.errors.find((error) => error.field === 'interval');
      if (!tooMany) return this.pages.refuse(visit, answer.errors);
      const errors = [
        { text: 'That is too many points to show: choose monthly or a later start', href: '#interval' },
      ];
      return this.pages.render(visit, 'plans/trend.njk', { ...page, errors }, 400);
    }
    await this.pages.render(visit, 'plans/trend.njk', {
      ...page,
      trend: trendView(answer.data.ragTrend, choice.fields.interval, plan.title),
    });
  }
}
