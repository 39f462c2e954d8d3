import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { PlanApi } from './support/plan-api.js';
import { startTestApp, TestClock, type TestApp } from './support/test-app.js';

describe('explore', () => {
  let app: TestApp;
  let api: PlanApi;
  beforeAll(async () => {
    const t = Date.now();
    app = await startTestApp({ clock: new TestClock().clock });
    console.log('start ms', Date.now() - t);
    api = new PlanApi(app);
  });
  afterAll(async () => { await app.close(); });
  it('probes', async () => {
    const t = Date.now();
    const seed = await api.seedPlan();
    console.log('seed ms', Date.now() - t);
    const a = seed.actions['1.1'].id;
    const p = seed.plan.id;
    const th = seed.themes.caseloads.id;
    const show = async (label: string, r: Promise<{ body: string; status: number }>) => { const x = await r; console.log(label, x.status, x.body); };
    await show('literal date', app.graphql(`mutation { addAction(input: {planId: "${p}", themeId: "${th}", ref: "9.9", description: "x", commencing: "2024-13"}) { id } }`));
    await show('literal Dec', app.graphql(`mutation { addAction(input: {planId: "${p}", themeId: "${th}", ref: "9.9", description: "x", commencing: "Dec 2023"}) { id } }`));
    await show('var date', api.send('addAction', { planId: p, themeId: th, ref: '9.9', description: 'x', commencing: '2024-13' }));
    await show('var date single', app.graphql(`mutation ($c: PlanDate) { addAction(input: {planId: "${p}", themeId: "${th}", ref: "9.9", description: "x", commencing: $c}) { id } }`, { c: 'Dec 2023' }));
    await show('missing reason literal', app.graphql(`mutation { changeRagStatus(input: {actionId: "${a}", rag: RED}) { id } }`));
    await show('missing reason var', api.send('changeRagStatus', { actionId: a, rag: 'RED' }));
    await show('blank reason', api.send('changeRagStatus', { actionId: a, rag: 'RED', reason: '  ' }));
    await show('long', api.send('addAction', { planId: p, themeId: th, ref: '9.9', description: 'x'.repeat(20001) }));
    await show('blank owner', api.send('addAction', { planId: p, themeId: th, ref: '9.9', description: 'x', owners: ['Team Managers', '  '] }));
    await show('unknown action', api.send('changeRagStatus', { actionId: '00000000-0000-4000-8000-000000000000', rag: 'RED', reason: 'r' }));
    await show('nonuuid action', api.send('changeRagStatus', { actionId: 'nope', rag: 'RED', reason: 'r' }));
    await show('unknown plan', api.send('addTheme', { planId: '00000000-0000-4000-8000-000000000000', number: 3 }));
    await show('nhs', api.send('addProgressNote', { actionId: a, text: 'Child 943 476 5919 seen' }));
    await show('future', api.send('addProgressNote', { actionId: a, text: 'ok', effectiveDate: '2024-04-26' }));
    await show('bad effective', api.send('addProgressNote', { actionId: a, text: 'ok', effectiveDate: '2024-04' }));
    await show('resched none', api.send('rescheduleAction', { actionId: a, reason: 'x' }));
    await show('stale', api.send('changeRagStatus', { actionId: a, rag: 'RED', reason: 'r', expectedVersion: 7 }));
    await show('bad judgement', api.send('createPlan', { title: 'x', inspection: { inspectorate: 'Ofsted', framework: 'ILACS', startDate: '2024-01-02', endDate: '2024-01-01' } }));
    await show('bad start date', api.send('createPlan', { title: 'x', inspection: { inspectorate: 'Ofsted', framework: 'ILACS', startDate: '2024-02-30', endDate: '2024-03-01' } }));
    await show('empty title', api.send('createPlan', { title: '' }));
    await show('health', fetch(`${app.url}/health/ready`).then(async (r) => ({ status: r.status, body: await r.text() })));
    console.log(JSON.stringify(app.storedEvents().slice(0, 2)));
  });
});
