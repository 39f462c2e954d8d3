import { Controller, Get, Param, Query, Res, ServiceUnavailableException } from '@nestjs/common';
import { Allow } from '../../auth/allow.decorator.js';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { boardPackRequest } from '../board-pack-request.js';
import { renderBoardPack, type BoardPackFormat } from '../board-pack-document.js';
import { GetBoardPack } from '../board-pack.query.js';
import { OffLoopLimitError } from '../../shared/off-loop/off-loop.js';

/** The page has no script and needs nothing from elsewhere: a browser may forbid everything else. */
const HTML_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * The board pack for a plan, as a printable page or a PDF:
 * `GET /plans/:planId/board-pack[.pdf]?asOf=…|boardMeeting=…&staleAfterDays=…`.
 * A report: anyone who may read the plan, at any point (the board's own document as at a meeting).
 */
@Allow('read', { plan: 'planId' })
@Controller('plans/:planId')
export class BoardPackController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('board-pack')
  html(
    @Param('planId') planId: string,
    @Query('asOf') asOf: string | undefined,
    @Query('boardMeeting') boardMeeting: string | undefined,
    @Query('staleAfterDays') staleAfterDays: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    return this.send('html', reply, planId, { asOf, boardMeeting, staleAfterDays });
  }

  @Get('board-pack.pdf')
  pdf(
    @Param('planId') planId: string,
    @Query('asOf') asOf: string | undefined,
    @Query('boardMeeting') boardMeeting: string | undefined,
    @Query('staleAfterDays') staleAfterDays: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    return this.send('pdf', reply, planId, { asOf, boardMeeting, staleAfterDays });
  }

  private async send(
    format: BoardPackFormat,
    reply: FastifyReply,
    planId: string,
    options: { asOf?: string; boardMeeting?: string; staleAfterDays?: string },
  ): Promise<string | Buffer> {
    const pack = await this.queryBus.execute(new GetBoardPack(boardPackRequest(planId, options)));
    const document = await renderBoardPack(pack, format).catch((error: unknown) => {
      if (!(error instanceof OffLoopLimitError)) throw error;
      // The PDF could not be drawn within its caps (or the workers are all busy): a later try may do.
      void reply.header('retry-after', '60');
      throw new ServiceUnavailableException(
        `${error.message}. Try again later, or open the board pack as a page (without .pdf) and print it.`,
      );
    });
    void reply
      .header('content-type', document.contentType)
      // A pack shows the plan as it was: the same request later may differ, and it is not public.
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff');
    if (format === 'pdf') void reply.header('content-disposition', `inline; filename="${document.fileName}"`);
    else void reply.header('content-security-policy', HTML_POLICY);
    return document.body;
  }
}
