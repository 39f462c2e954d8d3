import { Controller, Get, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../auth/allow.decorator.js';
import { WebPages } from '../web-pages.js';
import { RAG_COUNTS } from '../graphql-fields.js';

const PLANS = /* GraphQL */ `
  query PlanList {
    plans {
      id
      title
      localAuthority
      status
      createdAt
      ragSummary { ${RAG_COUNTS} }
    }
  }
`;

export interface PlanListItem {
  readonly id: string;
  readonly title: string;
  readonly localAuthority: string | null;
  readonly status: string;
  readonly createdAt: string;
  readonly ragSummary: Readonly<Record<'total' | 'red' | 'amber' | 'green' | 'blue' | 'notRated', number>>;
}

/** Every plan the visitor may see, newest first: the way into everything else. */
@Public()
@Controller('plans')
export class PlanListController {
  constructor(private readonly pages: WebPages) {}

  @Get()
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const visit = await this.pages.visit(request, reply);
    if (!visit) return;
    const answer = await this.pages.ask<{ plans: PlanListItem[] }>(visit, PLANS);
    if (!answer.ok) return this.pages.refuse(visit, answer.errors);
    await this.pages.render(visit, 'plans/list.njk', { plans: answer.data.plans });
  }
}
