import { describe, expect, it } from '@jest/globals';
import { ownerOf } from '../../bench/support/cpu-profile.js';
import { writeBodies, type SeededPlan } from '../../bench/support/write-requests.js';

const plan = (actions: number): SeededPlan => {
  const actionIds = Array.from({ length: actions }, (_, index) => `action-${index}`);
  return { planId: 'plan', actionIds, rag: new Map(actionIds.map((id) => [id, 'NOT_RATED'])) };
};

const inputOf = (body: string) =>
  (JSON.parse(body) as { variables: { input: { actionId: string; rag?: string } } }).variables.input;

describe('the writes benchmark', () => {
  it('gives each connection its own actions, round-robin, so no two connections write one action', () => {
    const { body } = writeBodies(plan(32), 'addProgressNote', 16);
    const written = (connection: number) =>
      new Set([0, 1, 2, 3].map((sequence) => inputOf(body(connection, sequence)).actionId));
    expect(written(0)).toEqual(new Set(['action-0', 'action-16']));
    expect(written(5)).toEqual(new Set(['action-5', 'action-21']));
  });

  it('changes every RAG to one other than the server last answered for that action', () => {
    const seeded = plan(2);
    const { body, onData } = writeBodies(seeded, 'changeRagStatus', 1);
    for (let sequence = 0; sequence < 12; sequence += 1) {
      const { actionId, rag } = inputOf(body(0, sequence));
      expect(rag).not.toBe(seeded.rag.get(actionId));
      onData({ changeRagStatus: { id: actionId, rag } });
    }
  });

  it('sends the same RAG again when the answer to the last one never came', () => {
    const { body } = writeBodies(plan(1), 'changeRagStatus', 1);
    expect(inputOf(body(0, 0)).rag).toBe('RED');
    expect(inputOf(body(0, 1)).rag).toBe('RED');
  });

  it('groups profile frames by package, our source file, or Node', () => {
    expect(ownerOf('file:///app/node_modules/@apollo/server/dist/esm/run.js', 'f')).toBe('@apollo/server');
    expect(ownerOf('file:///app/node_modules/fastify/lib/route.js', 'f')).toBe('fastify');
    expect(ownerOf('file:///app/dist/plans/commands/handler.js', 'f')).toBe('src/plans/commands/handler');
    expect(ownerOf('node:internal/crypto/hash', 'f')).toBe('node (built-in modules)');
    expect(ownerOf('', '(garbage collector)')).toBe('(garbage collector)');
  });
});
