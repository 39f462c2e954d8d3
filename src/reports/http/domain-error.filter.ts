import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, type DomainErrorKind } from '../../plans/domain/errors.js';

const STATUS: Record<DomainErrorKind, HttpStatus> = {
  INVALID: HttpStatus.BAD_REQUEST,
  PERSONAL_DATA_SUSPECTED: HttpStatus.BAD_REQUEST,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
};

const ERRORS: Partial<Record<HttpStatus, string>> = {
  [HttpStatus.BAD_REQUEST]: 'Bad Request',
  [HttpStatus.NOT_FOUND]: 'Not Found',
  [HttpStatus.CONFLICT]: 'Conflict',
};

/**
 * Domain errors on plain HTTP routes, as JSON: `{ statusCode, error, message, field }`. The global
 * filter turns them into GraphQL errors, which an HTTP route cannot send; this one, set on the
 * controller, takes precedence there.
 */
@Catch(DomainError)
export class DomainErrorHttpFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): void {
    const status = STATUS[error.kind];
    const body = {
      statusCode: status,
      error: ERRORS[status],
      message: error.message,
      field: error.field ?? null,
    };
    void host
      .switchToHttp()
      .getResponse<FastifyReply>()
      .status(status)
      .header('content-type', 'application/json; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(body);
  }
}
