import { describe, expect, it } from '@jest/globals';
import { EventEmitter } from 'node:events';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { stopGracefullyOnSignals } from '../../src/observability/graceful-shutdown.js';

const quiet: LoggerService = { log: () => {}, warn: () => {}, error: () => {} };

/** An app whose close() finishes when the test says so, and the exit codes the process was given. */
function given(deadlineMs = 1000) {
  const signals = new EventEmitter();
  const exits: number[] = [];
  let finishClosing!: () => void;
  let closes = 0;
  const app = {
    close: () => {
      closes += 1;
      return new Promise<void>((resolve) => (finishClosing = resolve));
    },
  } as unknown as INestApplication;
  stopGracefullyOnSignals(app, { deadlineMs, logger: quiet, signals, exit: (code) => exits.push(code) });
  return { signals, exits, finishClosing: () => finishClosing(), closes: () => closes };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('stopping on a signal', () => {
  it('closes the app once and exits 0 when it has closed', async () => {
    const { signals, exits, finishClosing, closes } = given();
    signals.emit('SIGTERM');
    await tick();
    expect(exits).toEqual([]);
    finishClosing();
    await tick();
    expect(exits).toEqual([0]);
    expect(closes()).toBe(1);
  });

  it('stops at once with exit 1 on a second signal', async () => {
    const { signals, exits, closes } = given();
    signals.emit('SIGTERM');
    signals.emit('SIGINT');
    await tick();
    expect(exits).toEqual([1]);
    expect(closes()).toBe(1);
  });

  it('stops with exit 1 when closing outlives the deadline', async () => {
    const { signals, exits } = given(30);
    signals.emit('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(exits).toEqual([1]);
  });
});
