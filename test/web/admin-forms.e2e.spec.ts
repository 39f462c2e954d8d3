import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { MAX_IMPORT_BYTES } from '../../src/import/import-limits.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { WebClient } from './support/web-client.js';

const FIXTURE = readFileSync(new URL('../fixtures/iow-2024-ilacs-improvement-plan.txt', import.meta.url));

/** Posts the upload form as a browser does (multipart), with the client's session cookie. */
async function upload(app: TestApp, client: WebClient, fields: Record<string, string>, file?: Buffer) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append('file', new Blob([new Uint8Array(file)], { type: 'text/plain' }), 'plan.txt');
  const response = await fetch(`${app.url}/admin/plans/import`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
    headers: client.sessionCookie ? { cookie: client.sessionCookie } : {},
  });
  return { status: response.status, html: await response.text() };
}

const unescape = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The confirm form's hidden fields, as the preview page wrote them. */
function confirmFields(html: string): Record<string, string> {
  const form = /<form method="post" action="\/admin\/plans\/import\/confirm"[\s\S]*?<\/form>/.exec(html)?.[0];
  if (!form) throw new Error('The preview offers no confirm');
  const fields = [...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)];
  return Object.fromEntries(fields.map(([, name, value]) => [name!, unescape(value!)]));
}

describe('the import form over HTTP (no browser, no JavaScript)', () => {
  let app: TestApp;
  let admin: WebClient;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await WebClient.signedIn(app);
    await admin.get('/admin/plans/import');
  });

  afterAll(() => app.close());

  it('refuses an upload without the session’s CSRF token, and records nothing', async () => {
    const before = app.eventCount();
    const answer = await upload(app, admin, { title: 'No token' }, FIXTURE);
    expect(answer.status).toBe(403);
    expect(answer.html).toContain('This form has expired');
    expect(app.eventCount()).toBe(before);
  });

  it('refuses a form posted to the upload that is not multipart', async () => {
    const answer = await admin.postForm('/admin/plans/import', { title: 'Not multipart' });
    expect(answer.status).toBe(403);
  });

  it('says beside the field that a file over the limit is too large, and records nothing', async () => {
    const before = app.eventCount();
    const tooLarge = Buffer.alloc(MAX_IMPORT_BYTES + 1, 'a');
    const answer = await upload(app, admin, { _csrf: admin.csrfToken!, title: 'Too large' }, tooLarge);
    expect(answer.status).toBe(400);
    expect(answer.html).toContain('The selected file must be smaller than 5 MB');
    expect(answer.html).toContain('href="#file"');
    expect(app.eventCount()).toBe(before);
  });

  it('confirms only in the session that previewed: another session’s sealed preview records nothing', async () => {
    const preview = await upload(app, admin, { _csrf: admin.csrfToken!, title: 'Sealed preview' }, FIXTURE);
    expect(preview.status).toBe(200);
    const fields = confirmFields(preview.html);
    const before = app.eventCount();

    const other = await WebClient.signedIn(app, { name: 'Another Admin' });
    await other.get('/admin/plans/import');
    const replayed = await other.postForm('/admin/plans/import/confirm', {
      ...fields,
      _csrf: other.csrfToken!,
    });
    expect(replayed.status).toBe(400);
    expect(replayed.html).toContain('This preview can no longer be confirmed');
    expect(app.eventCount()).toBe(before);

    const changedTitle = await admin.postForm('/admin/plans/import/confirm', {
      ...fields,
      title: 'Another title',
    });
    expect(changedTitle.status).toBe(400);
    expect(app.eventCount()).toBe(before);

    const confirmed = await admin.postForm('/admin/plans/import/confirm', fields);
    expect(confirmed.status).toBe(303);
    expect(confirmed.location).toMatch(/^\/plans\/[0-9a-f-]{36}\?notice=imported$/);
    expect(app.eventCount()).toBeGreaterThan(before);
  });

  it('refuses a progress note that seems to identify a child until acknowledged, then records it so', async () => {
    const withNhsNumber = Buffer.from(
      FIXTURE.toString('utf8').replace(
        'Several new staff have joined',
        'Child 943 476 5919 re-referred. Several new staff have joined',
      ),
    );
    const refused = await upload(
      app,
      admin,
      { _csrf: admin.csrfToken!, title: 'Personal data' },
      withNhsNumber,
    );
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('seems to contain an NHS number');
    expect(refused.html).toContain('name="acknowledgePersonalData"');
    expect(refused.html).not.toContain('action="/admin/plans/import/confirm"');

    const acknowledged = await upload(
      app,
      admin,
      { _csrf: admin.csrfToken!, title: 'Personal data', acknowledgePersonalData: 'yes' },
      withNhsNumber,
    );
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.html).toContain('recorded because personal data was acknowledged');
    const fields = confirmFields(acknowledged.html);
    expect(fields.acknowledgePersonalData).toBe('yes');
    expect((await admin.postForm('/admin/plans/import/confirm', fields)).status).toBe(303);
  });
});
