import { join } from 'node:path';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store.js';
import { CHANGE_LOG } from '../src/history/read-models/plan-change-log.js';
import { PLAN_STREAM_PREFIX } from '../src/plans/plan-stream.js';
import { PlanLoader } from '../src/plans/read-models/plan-loader.js';

/**
 * Every plan of a store folded as the app folds a plan it loads (state, timeline, change log),
 * one after another through the same PlanLoader, as a new read model would be built: the bench's
 * "full rebuild" row (`--rebuild-module=dist-bench/bench/rebuild-every-plan.js`).
 */
export async function rebuildEveryPlan(dataDir: string): Promise<number> {
  const store = SqliteEventStore.open(join(dataDir, 'events.db'));
  try {
    const planIds: string[] = [];
    const created = store.subscribeToAll({ eventTypes: ['PlanCreated'], streamPrefix: PLAN_STREAM_PREFIX });
    for await (const message of created) {
      if (message.kind === 'caughtUp') break;
      if (message.kind === 'event') planIds.push(String(message.event.data['planId']));
    }
    await created.close();
    // A cache of one plan: each is dropped as the next is folded, so memory stays that of one plan.
    const loader = new PlanLoader(store, 1);
    loader.addPart(CHANGE_LOG);
    let events = 0;
    for (const planId of planIds) events += (await loader.load(planId))?.version ?? 0;
    return events;
  } finally {
    await store.close();
  }
}
