import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { endQuietlyWhenReaderLeaves } from './run-command.js';

const writeError = (code: string) => Object.assign(new Error(`write ${code}`), { code });

/** Standard output piped into a reader that takes the first chunk and leaves (`… | head -1`). */
function pipeIntoHead(): { stream: Writable; read: string[] } {
  const read: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (read.length > 0) return done(writeError('EPIPE'));
      read.push(String(chunk));
      done();
    },
  });
  return { stream, read };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('a command whose reader stops early (`npm run board-pack -- … | head`)', () => {
  it('ends quietly: the write that finds the pipe closed, and any after it, are dropped', async () => {
    const { stream, read } = pipeIntoHead();
    endQuietlyWhenReaderLeaves(stream);
    stream.write('<!doctype html>\n');
    stream.write('<html lang="en-GB">…');
    await settled();
    stream.write('…</html>\n');
    await settled();
    expect(read).toEqual(['<!doctype html>\n']);
    expect(stream.destroyed).toBe(true);
  });

  it('still fails on any other write error, such as a full disk', () => {
    const { stream } = pipeIntoHead();
    endQuietlyWhenReaderLeaves(stream);
    expect(() => stream.emit('error', writeError('ENOSPC'))).toThrow('write ENOSPC');
  });
});
