import { parse } from 'csv-parse/sync';
import type { TestApp } from './test-app.js';

export interface Download {
  readonly status: number;
  readonly contentType: string | null;
  readonly disposition: string | null;
  readonly body: Buffer;
}

/** GET /plans/:planId/export.(csv|xlsx), with an optional asOf. */
export async function download(
  app: TestApp,
  planId: string,
  format: 'csv' | 'xlsx',
  asOf?: string,
): Promise<Download> {
  const query = asOf === undefined ? '' : `?asOf=${encodeURIComponent(asOf)}`;
  const response = await fetch(`${app.url}/plans/${planId}/export.${format}${query}`, {
    headers: await app.adminHeaders(),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    body: Buffer.from(await response.arrayBuffer()),
  };
}

/** The rows of an exported CSV, header first, keyed by column name. */
export function csvRecords(body: Buffer): Record<string, string>[] {
  return parse(body, { bom: true, columns: true }) as Record<string, string>[];
}
