import { Body, Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../auth/allow.decorator.js';
import { Authenticator, type Authentication } from '../../auth/authenticator.js';
import { may } from '../../auth/domain/permissions.js';
import { CSRF_FIELD, WebSessions } from '../session/web-session.js';
import { safeReturnPath, WebPages } from '../web-pages.js';
import { OidcSignOut } from './oidc-sign-out.js';

export const WEB_SIGN_IN_MODE = Symbol('WebSignInMode');
export type WebSignInMode = 'embedded' | 'oidc';

type Form = Readonly<Record<string, unknown>>;

/**
 * Signing in and out of the pages. Embedded: paste a token from `npm run token`. With a sign-in
 * provider the page offers its authorization-code flow instead. Routes are public to the access
 * guard; everything a signed-in page reads or writes goes through guarded GraphQL operations.
 */
@Public()
@Controller()
export class SignInController {
  constructor(
    private readonly pages: WebPages,
    private readonly sessions: WebSessions,
    private readonly authenticator: Authenticator,
    @Inject(WEB_SIGN_IN_MODE) private readonly mode: WebSignInMode,
    private readonly oidcSignOut: OidcSignOut,
  ) {}

  /** Editors who own actions start at their actions; everyone else at the list of plans. */
  @Get('/')
  async start(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const visit = await this.pages.visit(request, reply);
    if (!visit) return;
    const editor = may(visit.user, 'editAction') && visit.user.owns.length > 0;
    await reply.redirect(editor ? '/my-actions' : '/plans', 303);
  }

  @Get('/sign-in')
  async page(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('returnTo') returnTo: unknown,
  ) {
    const session = await this.sessions.read(request);
    await this.pages.render({ request, reply, session }, 'sign-in.njk', {
      oidc: this.mode === 'oidc',
      returnTo: safeReturnPath(returnTo),
    });
  }

  @Post('/sign-in')
  async signIn(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() form: Form = {}) {
    const session = await this.sessions.read(request);
    const returnTo = safeReturnPath(form.returnTo);
    if (this.mode !== 'embedded' || !WebSessions.csrfMatches(session, form[CSRF_FIELD])) {
      return this.pages.refuse({ request, reply, session }, [
        {
          code: 'FORBIDDEN',
          message: 'This sign-in form has expired. Go back to the sign-in page and try again.',
        },
      ]);
    }
    const token = typeof form.token === 'string' ? form.token.trim() : '';
    const authentication: Authentication = token
      ? await this.authenticator.authenticate(`Bearer ${token}`)
      : { kind: 'anonymous' };
    if (authentication.kind !== 'signedIn') {
      const tokenError = token
        ? 'That token is not valid: it may have expired or been made for another service. Ask for a new one.'
        : 'Enter your sign-in token';
      return this.pages.render(
        { request, reply, session },
        'sign-in.njk',
        {
          returnTo,
          tokenError,
          errors: [{ text: tokenError, href: '#token' }],
        },
        400,
      );
    }
    await this.sessions.save(request, reply, this.sessions.signedIn(token), authentication.user.expiresAt);
    await reply.redirect(returnTo, 303);
  }

  @Post('/sign-out')
  async signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() form: Form = {}) {
    const session = await this.sessions.read(request);
    if (!WebSessions.csrfMatches(session, form[CSRF_FIELD])) {
      return this.pages.refuse({ request, reply, session }, [
        { code: 'FORBIDDEN', message: 'This form has expired. Reload the page and sign out again.' },
      ]);
    }
    this.sessions.clear(request, reply);
    // Through a provider, sign out there too, or its own session would sign the person straight back in.
    await reply.redirect(this.oidcSignOut.url() ?? '/sign-in', 303);
  }
}
