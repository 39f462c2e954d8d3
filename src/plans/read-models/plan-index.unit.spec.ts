import { describe, expect, it } from '@jest/globals';
import { PlanIndex } from './plan-index.js';

const at = (minute: number) => ({ recordedAt: new Date(Date.UTC(2024, 4, 1, 9, minute)).toISOString() });
const event = (type: string, data: Record<string, unknown>, minute = 0) => ({
  type,
  data,
  metadata: { correlationId: 'c', causationId: 'k', schemaVersion: 1, ...at(minute) },
});

describe('the plan index: the list of plans and which plan holds an action', () => {
  it('lists plans newest first, with what the list shows', () => {
    const index = new PlanIndex();
    index.apply(event('PlanCreated', { planId: 'p1', title: 'Isle of Wight', localAuthority: 'IOW' }, 1));
    index.apply(event('PlanCreated', { planId: 'p2', title: 'Torbay', localAuthority: null }, 2));
    expect(index.summaries()).toEqual([
      { id: 'p2', title: 'Torbay', localAuthority: null, status: 'DRAFT', createdAt: at(2).recordedAt },
      {
        id: 'p1',
        title: 'Isle of Wight',
        localAuthority: 'IOW',
        status: 'DRAFT',
        createdAt: at(1).recordedAt,
      },
    ]);
  });

  it('follows a plan from draft to approved to closed', () => {
    const index = new PlanIndex();
    index.apply(event('PlanCreated', { planId: 'p1', title: 'Isle of Wight', localAuthority: null }));
    index.apply(event('PlanApproved', { planId: 'p1' }));
    expect(index.summary('p1')?.status).toBe('APPROVED');
    index.apply(event('PlanClosed', { planId: 'p1', reason: 'Superseded' }));
    expect(index.summary('p1')?.status).toBe('CLOSED');
  });

  it('knows the plan of every action added, and nothing of events it does not keep', () => {
    const index = new PlanIndex();
    index.apply(event('PlanCreated', { planId: 'p1', title: 'Isle of Wight', localAuthority: null }));
    index.apply(event('ActionAdded', { planId: 'p1', actionId: 'a1' }));
    index.apply(event('RagStatusChanged', { planId: 'p1', actionId: 'a2', rag: 'RED' }));
    expect(index.planIdOfAction('a1')).toBe('p1');
    expect(index.planIdOfAction('a2')).toBeUndefined();
    expect(index.size).toEqual({ plans: 1, actions: 1 });
  });

  it('keeps the first creation of a plan, should one be delivered twice', () => {
    const index = new PlanIndex();
    index.apply(event('PlanCreated', { planId: 'p1', title: 'First', localAuthority: null }, 1));
    index.apply(event('PlanCreated', { planId: 'p1', title: 'Again', localAuthority: null }, 2));
    expect(index.summary('p1')).toMatchObject({ title: 'First', createdAt: at(1).recordedAt });
  });
});
