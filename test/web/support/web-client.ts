import type { TestApp } from '../../support/test-app.js';
import type { LocalTokenRequest } from '../../../src/auth/tokens/mint-token.js';

export interface PageResponse {
  readonly status: number;
  readonly location: string | null;
  readonly html: string;
  readonly headers: Headers;
}

const CSRF_INPUT = /name="_csrf" value="([^"]+)"/;

/**
 * A browser without the browser, for HTTP-level checks of the pages: keeps the session cookie,
 * reads the CSRF token off the last page, follows no redirects (tests look at them).
 */
export class WebClient {
  private cookie: string | undefined;
  private csrf: string | undefined;

  constructor(private readonly baseUrl: string) {}

  /** Signs in through the sign-in page with a token made by the app's embedded key. */
  static async signedIn(app: TestApp, who: Partial<LocalTokenRequest> = {}): Promise<WebClient> {
    const client = new WebClient(app.url);
    await client.get('/sign-in');
    const token = await app.tokenFor(who);
    const answer = await client.postForm('/sign-in', { token, returnTo: '/plans' });
    if (answer.status !== 303) throw new Error(`Sign-in answered ${answer.status}: ${answer.html}`);
    return client;
  }

  get csrfToken(): string | undefined {
    return this.csrf;
  }

  get sessionCookie(): string | undefined {
    return this.cookie;
  }

  get(path: string, headers: Record<string, string> = {}): Promise<PageResponse> {
    return this.send('GET', path, undefined, headers);
  }

  /** Posts a form with this session's CSRF token unless `fields` set their own `_csrf`. */
  postForm(path: string, fields: Record<string, string>): Promise<PageResponse> {
    const body = new URLSearchParams({ ...(this.csrf ? { _csrf: this.csrf } : {}), ...fields });
    return this.send('POST', path, body.toString(), { 'content-type': 'application/x-www-form-urlencoded' });
  }

  private async send(
    method: string,
    path: string,
    body: string | undefined,
    headers: Record<string, string>,
  ) {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      body,
      redirect: 'manual',
      headers: { ...headers, ...(this.cookie ? { cookie: this.cookie } : {}) },
    });
    const setCookie = response.headers
      .getSetCookie()
      .find((value) => value.startsWith('plan_tracker_session='));
    if (setCookie) {
      const value = setCookie.split(';')[0]!;
      this.cookie = value.endsWith('=') ? undefined : value;
    }
    const html = await response.text();
    this.csrf = CSRF_INPUT.exec(html)?.[1] ?? this.csrf;
    return {
      status: response.status,
      location: response.headers.get('location'),
      html,
      headers: response.headers,
    };
  }
}
