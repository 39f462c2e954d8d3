import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { KurrentDBClient, StreamDeletedError } from '@kurrent/kurrentdb-client';
import { rejectionOf } from './support/event-store-contract/events.js';
import { KurrentDbDouble } from './support/kurrentdb-double/kurrentdb-double.js';
import { startKurrentDbApp } from './support/kurrentdb-double/kurrentdb-test-app.js';
import { dataOf, PlanApi } from './support/plan-api.js';
import { waitUntil, type TestApp } from './support/test-app.js';

const NOTE = 'Jamie Brown (NHS 943 476 5919) moved to a placement out of area.';
const NOTICE = /^Redacted on \d{4}-\d{2}-\d{2} by Test Admin: Identified a child$/;

// Erasure on KurrentDB: the keys are streams on the server, destroyed with a tombstone.
describe('erasing a note on KurrentDB', () => {
  let double: KurrentDbDouble;
  let client: KurrentDBClient;
  const apps: TestApp[] = [];

  beforeAll(async () => {
    double = await KurrentDbDouble.start();
    client = KurrentDBClient.connectionString(double.connectionString);
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await client.dispose();
    await double.close();
  });

  it('erases it for every instance, and leaves its key readable only by a scan of $all until a scavenge', async () => {
    const [writer, reader] = [await startKurrentDbApp(double), await startKurrentDbApp(double)];
    apps.push(writer, reader);
    const [api, other] = [new PlanApi(writer), new PlanApi(reader)];
    const { plan, actions } = await api.seedPlan();
    const action = await api.addProgressNote(actions['1.1'].id, NOTE, { acknowledgePersonalData: true });
    await waitUntil(async () => (await other.action(action.id))?.progressNotes[0]?.text === NOTE);

    const input = { planId: plan.id, noteId: action.progressNotes[0]!.id, reason: 'Identified a child' };
    dataOf(
      await writer.graphql('mutation ($input: RedactTextInput!) { redactText(input: $input) { id } }', {
        input,
      }),
    );

    await waitUntil(async () => NOTICE.test((await other.action(action.id))?.progressNotes[0]?.text ?? ''));
    expect((await api.action(action.id))?.progressNotes[0]?.text).toMatch(NOTICE);
    const planEvents = double.log.events.filter((event) => event.stream === `improvementPlan-${plan.id}`);
    expect(planEvents.map((event) => Buffer.from(event.data).toString()).join('\n')).not.toMatch(/Jamie/);

    const noteEvent = planEvents.find((event) => event.type === 'ProgressNoteAdded')!;
    const keyStream = `textKey-${noteEvent.id}-text`;
    const read = async () => {
      for await (const resolved of client.readStream(keyStream)) return resolved;
    };
    expect(await rejectionOf(read())).toBeInstanceOf(StreamDeletedError);
    // What a scavenge on the server removes: the key's record, still in the log behind the tombstone.
    expect(
      double.log.events.filter((event) => event.stream === keyStream).map((event) => event.type),
    ).toEqual(['TextKeyIssued', '$streamDeleted']);
  });
});
