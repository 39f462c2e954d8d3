import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type nunjucks from 'nunjucks';
import { Authenticator, type Authentication } from '../auth/authenticator.js';
import type { SignedInUser } from '../auth/domain/actor.js';
import { may, type Capability } from '../auth/domain/permissions.js';
import { CSRF_FIELD, FORM_KEY_FIELD, WebSessions, type WebSession } from './session/web-session.js';
import { OidcProvider } from './sign-in/oidc-provider.js';
import { createViews } from './views.js';
import { WebGraphQL, type Answer, type PageError } from './web-graphql.js';

/** A request from a signed-in browser: what a page handler works with. */
export interface Visit {
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly session: WebSession;
  readonly user: SignedInUser;
  readonly authentication: Authentication;
}

type Form = Readonly<Record<string, unknown>>;

const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  BAD_USER_INPUT: 400,
};

/** Only a path on this site may be returned to after sign-in (no open redirect). */
export const safeReturnPath = (value: unknown): string =>
  typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) && !value.startsWith('/sign-in')
    ? value
    : '/';

/**
 * What every page shares: who is signed in, rendering with the layout's globals and security
 * headers, the CSRF check on forms, and turning an API refusal into the right error page.
 */
@Injectable()
export class WebPages {
  private readonly views: nunjucks.Environment = createViews();

  constructor(
    private readonly sessions: WebSessions,
    private readonly authenticator: Authenticator,
    readonly graphql: WebGraphQL,
    private readonly oidc: OidcProvider,
  ) {}

  /** The signed-in visit, or undefined after redirecting to sign-in (keeping where they were going). */
  async visit(request: FastifyRequest, reply: FastifyReply): Promise<Visit | undefined> {
    const session = await this.sessions.read(request);
    const authentication = session.token
      ? await this.authenticator.authenticate(`Bearer ${session.token}`)
      : ({ kind: 'anonymous' } as const);
    if (authentication.kind !== 'signedIn') {
      const returnTo = request.method === 'GET' ? request.url : '/';
      await reply.redirect(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`, 303);
      return undefined;
    }
    return { request, reply, session, user: authentication.user, authentication };
  }

  /** A signed-in visit whose form carries this session's CSRF token; else a 403 page. */
  async formVisit(request: FastifyRequest, reply: FastifyReply): Promise<Visit | undefined> {
    const visit = await this.visit(request, reply);
    if (!visit) return undefined;
    if (!WebSessions.csrfMatches(visit.session, (request.body as Form | undefined)?.[CSRF_FIELD])) {
      await this.refuse(visit, [
        { code: 'FORBIDDEN', message: 'This form has expired. Go back, reload the page and try again.' },
      ]);
      return undefined;
    }
    return visit;
  }

  /** Runs one of the application's GraphQL operations as the visitor. */
  ask<T>(visit: Visit, query: string, variables: Record<string, unknown> = {}): Promise<Answer<T>> {
    return this.graphql.run<T>(visit.request, visit.authentication, query, variables);
  }

  /**
   * Runs the mutation a form was sent for, with the key the form was rendered with (FORM_KEY_FIELD)
   * as its idempotency key: a form sent twice (a double click without JavaScript, a resend after a
   * lost answer, the back button) is recorded once. One recording mutation per form.
   */
  record<T>(visit: Visit, mutation: string, variables: Record<string, unknown> = {}): Promise<Answer<T>> {
    const key = (visit.request.body as Form | undefined)?.[FORM_KEY_FIELD];
    const formKey = typeof key === 'string' && key !== '' ? key : undefined;
    return this.graphql.run<T>(visit.request, visit.authentication, mutation, variables, formKey);
  }

  may(visit: Visit, capability: Capability): boolean {
    return may(visit.user, capability);
  }

  async render(
    target: Pick<Visit, 'request' | 'reply' | 'session'> & { user?: SignedInUser },
    view: string,
    context: Record<string, unknown>,
    status = 200,
  ): Promise<void> {
    const { request, reply, session, user } = target;
    const nonce = randomBytes(16).toString('base64');
    const html = this.views.render(view, {
      ...context,
      user,
      csrf: session.csrf,
      cspNonce: nonce,
      currentPath: request.url,
      isAdmin: user ? may(user, 'administer') : false,
    });
    await this.sessions.save(request, reply, session, user?.expiresAt);
    await reply
      .status(status)
      .headers(securityHeaders(nonce, this.oidc.formActionSources()))
      .type('text/html; charset=utf-8')
      .send(html);
  }

  /** The error page for an API refusal: not found, not allowed, or anything else as a plain failure. */
  async refuse(
    visit: Pick<Visit, 'request' | 'reply' | 'session'> & { user?: SignedInUser },
    errors: PageError[],
  ) {
    const first = errors[0];
    const status = STATUS_OF_CODE[first?.code ?? ''] ?? 500;
    if (status === 401) {
      await visit.reply.redirect(
        `/sign-in?returnTo=${encodeURIComponent(safeReturnPath(visit.request.url))}`,
        303,
      );
      return;
    }
    await this.render(visit, 'error.njk', { status, errors }, status);
  }
}

/** Nothing from elsewhere: councils block CDNs, and the pages need none. */
function securityHeaders(nonce: string, formActions: readonly string[]): Record<string, string> {
  return {
    'content-security-policy': [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      // Sign-in and sign-out forms answer with a redirect to the provider; browsers check that too.
      ["form-action 'self'", ...formActions].join(' '),
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'cache-control': 'no-store',
  };
}
