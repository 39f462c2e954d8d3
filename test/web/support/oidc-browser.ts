/** One answer as a browser would see it before following any redirect. */
export interface Answer {
  readonly url: string;
  readonly status: number;
  readonly location?: string;
  readonly body: string;
  readonly headers: Headers;
  /** Raw Set-Cookie lines, to check their attributes. */
  readonly setCookies: readonly string[];
}

interface Cookie {
  readonly value: string;
  readonly path: string;
}

/**
 * Just enough of a browser for the sign-in round trip: fetch with redirects followed by hand (to see
 * each hop), and a cookie jar that honours Path and removal. Cookies are per host, whatever the port,
 * as in a browser; the fake provider sets none.
 */
export class TestBrowser {
  private readonly jar = new Map<string, Cookie>();

  async get(url: string): Promise<Answer> {
    return this.send(url, { method: 'GET' });
  }

  async post(url: string, form: Record<string, string>): Promise<Answer> {
    return this.send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  /** Follows redirects from `answer` (as GETs, like a browser after 302/303); answers every hop. */
  async follow(answer: Answer, hops = 5): Promise<Answer[]> {
    const seen = [answer];
    let current = answer;
    while (current.location !== undefined && seen.length <= hops) {
      current = await this.get(new URL(current.location, current.url).href);
      seen.push(current);
    }
    return seen;
  }

  cookie(name: string): string | undefined {
    return this.jar.get(name)?.value;
  }

  setCookie(name: string, value: string, path = '/'): void {
    this.jar.set(name, { value, path });
  }

  private async send(url: string, init: RequestInit): Promise<Answer> {
    const path = new URL(url).pathname;
    const cookies = [...this.jar.entries()]
      .filter(([, cookie]) => path === cookie.path || path.startsWith(`${cookie.path.replace(/\/$/, '')}/`))
      .map(([name, cookie]) => `${name}=${cookie.value}`);
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        ...(cookies.length ? { cookie: cookies.join('; ') } : {}),
      },
    });
    const setCookies = response.headers.getSetCookie();
    setCookies.forEach((line) => this.keep(line));
    return {
      url,
      status: response.status,
      location: response.headers.get('location') ?? undefined,
      body: await response.text(),
      headers: response.headers,
      setCookies,
    };
  }

  private keep(line: string): void {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const name = pair.slice(0, pair.indexOf('='));
    const value = pair.slice(pair.indexOf('=') + 1);
    const attribute = (key: string) =>
      attributes.find((part) => part.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const expires = attribute('expires');
    const gone = attribute('max-age') === '0' || (expires !== undefined && Date.parse(expires) <= Date.now());
    if (gone) this.jar.delete(name);
    else this.jar.set(name, { value, path: attribute('path') ?? '/' });
  }
}

/** The named cookie's Set-Cookie line among an answer's, if it set one. */
export const setCookieLine = (answer: Answer, name: string): string | undefined =>
  answer.setCookies.find((line) => line.startsWith(`${name}=`));

/** A hidden field's value in a page (the CSRF token, returnTo). */
export function hiddenField(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!match) throw new Error(`No hidden field ${name} in the page`);
  return (match[1] ?? '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
