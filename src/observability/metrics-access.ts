import { createHash, timingSafeEqual } from 'node:crypto';
import type { Authenticator } from '../auth/authenticator.js';
import { may } from '../auth/domain/permissions.js';
import { forbidden, unauthenticated } from '../plans/domain/errors.js';

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Compared in constant time (digests of equal length), so a guess learns nothing from timing. */
export function isScrapeToken(authorization: unknown, scrapeToken: string | undefined): boolean {
  if (scrapeToken === undefined || typeof authorization !== 'string') return false;
  const given = BEARER.exec(authorization)?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(scrapeToken));
}

/**
 * Who may read the metrics: a scraper with the METRICS_TOKEN, or a signed-in ADMIN. Anyone else
 * is refused as every route refuses (UNAUTHENTICATED, or FORBIDDEN for another role).
 */
export async function checkMetricsAccess(
  authorization: unknown,
  scrapeToken: string | undefined,
  authenticator: Authenticator,
): Promise<void> {
  if (isScrapeToken(authorization, scrapeToken)) return;
  const authentication = await authenticator.authenticate(authorization);
  if (authentication.kind !== 'signedIn') throw unauthenticated();
  const { user } = authentication;
  if (!may(user, 'administer')) {
    throw forbidden(undefined, `Your role (${user.roles.join(', ')}) may not read the metrics`);
  }
}
