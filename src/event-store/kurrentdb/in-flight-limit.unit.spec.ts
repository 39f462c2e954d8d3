import { describe, expect, it } from '@jest/globals';
import { InFlightLimit, InFlightWaitExpired, type Release, type Schedule } from './in-flight-limit.js';

/** A clock moved by hand: timers fire only when the test advances it. */
function manualClock() {
  let now = 0;
  const timers = new Set<{ at: number; run: () => void }>();
  const schedule: Schedule = (ms, run) => {
    const timer = { at: now + ms, run };
    timers.add(timer);
    return () => timers.delete(timer);
  };
  const advance = (ms: number) => {
    now += ms;
    for (const timer of [...timers].filter(({ at }) => at <= now)) {
      timers.delete(timer);
      timer.run();
    }
  };
  return { schedule, advance, pending: () => timers.size };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the in-flight limit on appends', () => {
  it('lets as many operations run at once as it has slots', async () => {
    const limit = new InFlightLimit(2, manualClock().schedule);
    await limit.acquire(100);
    await limit.acquire(100);
    expect(limit.inFlight).toBe(2);
    expect(limit.queued).toBe(0);
  });

  it('makes the rest wait and hands freed slots out in arrival order', async () => {
    const limit = new InFlightLimit(1, manualClock().schedule);
    const first = await limit.acquire(100);
    const served: string[] = [];
    const later = ['second', 'third', 'fourth'].map((name) =>
      limit.acquire(100).then((release) => {
        served.push(name);
        return release;
      }),
    );
    await settle();
    expect(served).toEqual([]);
    expect(limit.queued).toBe(3);

    first();
    const second = await later[0];
    expect(served).toEqual(['second']);
    second?.();
    (await later[1])?.();
    await later[2];
    expect(served).toEqual(['second', 'third', 'fourth']);
    expect(limit.inFlight).toBe(1);
  });

  it('never lets a newcomer take a slot freed for someone already waiting', async () => {
    const limit = new InFlightLimit(1, manualClock().schedule);
    const first = await limit.acquire(100);
    const waiting = limit.acquire(100);
    first();
    const newcomer = limit.acquire(100);
    await settle();
    expect(limit.inFlight).toBe(1);
    expect(limit.queued).toBe(1);
    (await waiting)();
    await newcomer;
    expect(limit.queued).toBe(0);
  });

  it('gives up on a wait that outlasts its budget, and the queue moves on without it', async () => {
    const clock = manualClock();
    const limit = new InFlightLimit(1, clock.schedule);
    const first = await limit.acquire(100);
    const impatient = limit.acquire(50);
    const patient = limit.acquire(500);
    clock.advance(50);
    await expect(impatient).rejects.toBeInstanceOf(InFlightWaitExpired);
    expect(limit.queued).toBe(1);

    first();
    await expect(patient).resolves.toEqual(expect.any(Function));
    expect(clock.pending()).toBe(0);
  });

  it('counts a slot given back twice once', async () => {
    const limit = new InFlightLimit(2, manualClock().schedule);
    const release: Release = await limit.acquire(100);
    await limit.acquire(100);
    release();
    release();
    expect(limit.inFlight).toBe(1);
  });

  it.each([0, -1, 1.5])('refuses a capacity of %s', (capacity) => {
    expect(() => new InFlightLimit(capacity)).toThrow(RangeError);
  });
});
