import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.js';
import { PlanProjection } from '../../src/plans/read-models/plan-projection.js';
import { IOW_PLAN } from '../support/plan-api.js';
import { signedInRequests } from '../support/test-app.js';

const ALLOWED = 'https://board.example.gov.uk';
const SCRAPE_TOKEN = 'scrape-token-for-tests-0123456789abcdef';
const CREATE_PLAN = `mutation CreateCouncilPlan($input: CreatePlanInput!) { createPlan(input: $input) { id } }`;

describe('operations: security headers, CORS and metrics', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'plans-ops-'));
  let app: NestFastifyApplication;
  let url = '';
  const api = signedInRequests(dataDir, () => url);

  beforeAll(async () => {
    app = await createApp({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      logLevel: 'error',
      allowedOrigins: [ALLOWED],
      metricsToken: SCRAPE_TOKEN,
    });
    await app.listen(0, '127.0.0.1');
    await app.get(PlanProjection).whenReady();
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const scrape = async (authorization = `Bearer ${SCRAPE_TOKEN}`) => {
    const response = await fetch(`${url}/metrics`, { headers: { authorization } });
    return { status: response.status, text: await response.text(), headers: response.headers };
  };
  const sample = (text: string, series: string): number => {
    const line = text.split('\n').find((row) => row.startsWith(`${series} `));
    return line === undefined ? Number.NaN : Number(line.slice(series.length + 1));
  };

  describe('security headers', () => {
    it('sends nosniff, no framing, no referrer and no-store on API answers, and no HSTS over plain HTTP', async () => {
      const response = await fetch(`${url}/health/live`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cache-control')).toBe('no-store');
      // A forwarded header from an untrusted client does not make plain HTTP into TLS.
      expect(response.headers.get('strict-transport-security')).toBeNull();
    });

    it('keeps an export out of caches and sniffing', async () => {
      const created = await api.graphql<{ createPlan: { id: string } }>(CREATE_PLAN, { input: IOW_PLAN });
      const response = await fetch(`${url}/plans/${created.data!.createPlan.id}/export.csv`, {
        headers: await api.adminHeaders(),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toMatch(/no-store/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it("leaves a page's own policy whole: one CSP, with the page's nonce", async () => {
      const response = await fetch(`${url}/sign-in`);
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      expect(policy).toMatch(/frame-ancestors 'none'/);
      expect(policy).not.toMatch(/, /); // one header, not two joined
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
    });

    it('lets the static assets be cached', async () => {
      const response = await fetch(`${url}/assets/app.css`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toMatch(/max-age=3600/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    });
  });

  describe('CORS from CORS_ORIGINS', () => {
    const preflight = (origin: string) =>
      fetch(`${url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization,idempotency-key',
        },
      });

    it('answers an allowed origin’s preflight to /graphql with 204 and what it may send', async () => {
      const response = await preflight(ALLOWED);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      expect(response.headers.get('access-control-allow-methods')).toMatch(/^GET, ?POST$/);
      expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization/);
      expect(response.headers.get('access-control-allow-headers')).toMatch(/idempotency-key/);
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    });

    it('gives another origin no CORS headers, on the preflight and on the request', async () => {
      const response = await preflight('https://evil.example.com');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-headers')).toBeNull();
      const asked = await api.graphql('{ plans { id } }', {}, { origin: 'https://evil.example.com' });
      expect(asked.status).toBe(200);
      const allowed = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { origin: ALLOWED, 'content-type': 'application/json', ...(await api.adminHeaders()) },
        body: JSON.stringify({ query: '{ plans { id } }' }),
      });
      expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    });
  });

  describe('GET /metrics', () => {
    it('is for the scraper’s token or an ADMIN, nobody else', async () => {
      expect((await scrape('')).status).toBe(401);
      expect((await scrape(`Bearer ${SCRAPE_TOKEN}x`)).status).toBe(401);
      const viewer = await api.tokenFor({ name: 'Val Viewer', roles: ['VIEWER'] });
      const auditor = await api.tokenFor({ name: 'Aud Auditor', roles: ['AUDITOR'] });
      expect((await scrape(`Bearer ${viewer}`)).status).toBe(403);
      expect((await scrape(`Bearer ${auditor}`)).status).toBe(403);
      expect((await scrape((await api.adminHeaders()).authorization!)).status).toBe(200);
      const { status, headers } = await scrape();
      expect(status).toBe(200);
      expect(headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(headers.get('cache-control')).toBe('no-store');
    });

    it('counts appends and idempotent repeats, and times requests by GraphQL operation', async () => {
      const before = (await scrape()).text;
      const key = { 'idempotency-key': randomUUID() };
      const first = await api.graphql(
        CREATE_PLAN,
        { input: IOW_PLAN },
        { ...key, ...(await api.adminHeaders()) },
      );
      const again = await api.graphql(
        CREATE_PLAN,
        { input: IOW_PLAN },
        { ...key, ...(await api.adminHeaders()) },
      );
      expect(again.data).toEqual(first.data);
      await api.graphql('{ plans { id } }');
      const after = (await scrape()).text;

      const stored = 'plans_event_appends_total{outcome="stored"}';
      expect(sample(after, stored) - (sample(before, stored) || 0)).toBe(1);
      const repeats = 'plans_idempotent_repeats_total';
      expect(sample(after, repeats) - sample(before, repeats)).toBe(1);
      expect(
        sample(after, 'plans_graphql_request_duration_seconds_count{operation="CreateCouncilPlan"}'),
      ).toBeGreaterThanOrEqual(2);
      expect(
        sample(after, 'plans_graphql_request_duration_seconds_count{operation="query plans"}'),
      ).toBeGreaterThanOrEqual(1);
      expect(after).toMatch(
        /^plans_http_request_duration_seconds_count\{method="GET",route="\/plans\/:planId\/export.csv",status="200"\} 1$/m,
      );
      expect(sample(after, 'plans_projection_lag_events')).toBe(0);
      expect(sample(after, 'plans_projection_position')).toBeGreaterThan(0);
      // The plan created (once) is in the index, and in memory with its one event.
      const grew = (metric: string) => sample(after, metric) - sample(before, metric);
      expect([grew('plans_index_plans'), grew('plans_cache_plans'), grew('plans_cache_events')]).toEqual([
        1, 1, 1,
      ]);
      expect(after).toMatch(/^process_cpu_seconds_total /m);
      expect(after).toMatch(/^nodejs_eventloop_lag_seconds /m);
    });

    it('names an operation refused before it ran "not run", whatever the client called it', async () => {
      await api.graphql('query Invented123 { plans { id } }', {}, { authorization: '' });
      const { text } = await scrape();
      expect(text).not.toMatch(/Invented123/);
      expect(
        sample(text, 'plans_graphql_request_duration_seconds_count{operation="not run"}'),
      ).toBeGreaterThanOrEqual(1);
    });
  });
});
