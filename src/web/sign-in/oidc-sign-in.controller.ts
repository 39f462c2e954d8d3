import { Body, Controller, Get, Logger, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../auth/allow.decorator.js';
import { Authenticator } from '../../auth/authenticator.js';
import { CSRF_FIELD, WebSessions, type WebSession } from '../session/web-session.js';
import { safeReturnPath, WebPages } from '../web-pages.js';
import { OidcFlows } from './oidc-flow.js';
import { OidcProvider } from './oidc-provider.js';
import { OidcSignInError } from './oidc-sign-in-error.js';

type Form = Readonly<Record<string, unknown>>;

interface Target {
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly session: WebSession;
}

/**
 * Longest access token whose sealed session cookie stays under browsers' 4096-byte limit; a larger
 * cookie is dropped without a word and the person would be sent back to sign in again and again.
 */
const MAX_ACCESS_TOKEN_CHARS = 2800;

const START_AGAIN =
  'this sign-in was started too long ago, or in another browser or tab. Start again from this page.';
const REFUSED_AT_PROVIDER =
  "your council's sign-in service did not sign you in (you may have cancelled). Try again, or ask " +
  'whoever manages sign-in for your council for access to this service.';
const NOT_ACCEPTED =
  "this service did not accept the sign-in from your council's sign-in service. Ask whoever manages " +
  'sign-in for your council to check that your account has a role for this service.';
const TOO_LARGE =
  "your council's sign-in service sent a sign-in too large for this service to keep. Tell whoever " +
  'manages sign-in for your council (the access token should carry only the claims this service needs).';

/**
 * Sign-in through the council's OpenID Connect provider: authorization code with PKCE. The access
 * token the provider issues for this service is checked exactly as the API checks a bearer token,
 * so the same roles and rules apply to the pages.
 */
@Public()
@Controller('sign-in')
export class OidcSignInController {
  private readonly logger = new Logger('SignIn');

  constructor(
    private readonly pages: WebPages,
    private readonly sessions: WebSessions,
    private readonly authenticator: Authenticator,
    private readonly provider: OidcProvider,
    private readonly flows: OidcFlows,
  ) {}

  /** "Continue to sign in": off to the provider, the flow kept in a sealed cookie. */
  @Post('oidc')
  async start(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() form: Form = {}) {
    const target = { request, reply, session: await this.sessions.read(request) };
    if (!this.provider.enabled) return this.notFound(target);
    if (!WebSessions.csrfMatches(target.session, form[CSRF_FIELD])) {
      return this.pages.refuse(target, [
        {
          code: 'FORBIDDEN',
          message: 'This sign-in form has expired. Go back to the sign-in page and try again.',
        },
      ]);
    }
    const flow = OidcFlows.start(safeReturnPath(form.returnTo));
    let authorizationUrl: URL;
    try {
      authorizationUrl = await this.provider.authorizationUrl(flow);
    } catch (error) {
      return this.failed(target, flow.returnTo, error);
    }
    await this.flows.save(request, reply, flow);
    await reply.redirect(authorizationUrl.href, 303);
  }

  /** Where the provider sends the browser back, with a code (or an error) and the state. */
  @Get('callback')
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const target = { request, reply, session: await this.sessions.read(request) };
    if (!this.provider.enabled) return this.notFound(target);
    const flow = await this.flows.read(request);
    this.flows.clear(request, reply);
    const params = new URL(request.url, 'http://callback.invalid').searchParams;
    const returnTo = safeReturnPath(flow?.returnTo);
    try {
      if (!flow) throw new OidcSignInError(START_AGAIN, 'no sign-in in progress in this browser', 400);
      const error = params.get('error');
      if (error !== null) {
        const reason = `the provider answered ${error}: ${params.get('error_description') ?? ''}`;
        throw new OidcSignInError(REFUSED_AT_PROVIDER, printable(reason), 400);
      }
      if (params.get('state') !== flow.state) {
        throw new OidcSignInError(START_AGAIN, 'the state sent back is not the one this browser sent', 400);
      }
      const token = await this.provider.accessToken(params, flow);
      if (token.length > MAX_ACCESS_TOKEN_CHARS) {
        throw new OidcSignInError(TOO_LARGE, `the access token has ${token.length} characters`, 400);
      }
      const authentication = await this.authenticator.authenticate(`Bearer ${token}`);
      if (authentication.kind !== 'signedIn') {
        throw new OidcSignInError(
          NOT_ACCEPTED,
          'the API refused the access token (reason logged above)',
          401,
        );
      }
      const session = this.sessions.signedIn(token);
      await this.sessions.save(request, reply, session, authentication.user.expiresAt);
      await reply.redirect(returnTo, 303);
    } catch (error) {
      return this.failed(target, returnTo, error);
    }
  }

  /** The sign-in page again, saying what went wrong in words a person can act on; the log says why. */
  private async failed(target: Target, returnTo: string, error: unknown): Promise<void> {
    if (!(error instanceof OidcSignInError)) throw error;
    this.logger.warn(`Sign-in did not complete: ${error.reason}`);
    const message = `Sign-in did not complete: ${error.said}`;
    await this.pages.render(
      target,
      'sign-in.njk',
      { oidc: true, returnTo, errors: [{ text: message }] },
      error.status,
    );
  }

  /** Without a provider these addresses are not part of the service. */
  private notFound(target: Target): Promise<void> {
    return this.pages.refuse(target, [{ code: 'NOT_FOUND', message: 'There is no page at this address.' }]);
  }
}

/** Text from the address bar, fit for one log line: anyone can put anything there. */
function printable(text: string): string {
  return text.replace(/[\p{Cc}\p{Zl}\p{Zp}\u202A-\u202E\u2066-\u2069]/gu, ' ').slice(0, 300);
}
