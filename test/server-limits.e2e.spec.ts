import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { serverOptions } from '../src/http/server-options.js';

/** The app's server options with deadlines short enough to watch in a test. */
const LIMITS = { requestTimeoutMs: 400, headersTimeoutMs: 400, deadlineCheckMs: 50, maxConnections: 4 };

/** A raw connection, and everything it has received by the time the server closes it. */
function open(port: number): Promise<{ socket: Socket; received: Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve({ socket, received }));
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const received = new Promise<string>((done) => socket.on('close', () => done(text)));
    socket.on('error', () => undefined);
    socket.once('error', reject);
  });
}

const post = (body: string) =>
  `POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
  `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`;

describe('the HTTP server gives a request only so long to arrive', () => {
  let server: FastifyInstance;
  let port: number;

  beforeAll(async () => {
    server = Fastify(serverOptions(LIMITS));
    server.post('/echo', async (request) => ({ received: JSON.stringify(request.body).length }));
    await server.listen({ port: 0, host: '127.0.0.1' });
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(() => server.close());

  it('answers 408 and closes a connection trickling its body a byte at a time', async () => {
    const body = JSON.stringify({ text: 'x'.repeat(50) });
    const { socket, received } = await open(port);
    const started = Date.now();
    socket.write(post(body));
    let sent = 0;
    const trickle = setInterval(() => socket.writable && socket.write(body[sent++] ?? ' '), 40);
    const answer = await received;
    clearInterval(trickle);
    expect(answer).toMatch(/^HTTP\/1\.1 408 Request Timeout/);
    expect(sent).toBeLessThan(body.length);
    expect(Date.now() - started).toBeLessThan(LIMITS.requestTimeoutMs + 4 * LIMITS.deadlineCheckMs + 200);
  });

  it('answers a request that arrives in time, slow or not', async () => {
    const body = JSON.stringify({ text: 'on time' });
    const { socket, received } = await open(port);
    socket.write(post(body));
    await new Promise((resolve) => setTimeout(resolve, LIMITS.requestTimeoutMs / 2));
    socket.end(body);
    const answer = await received;
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(answer.endsWith(`{"received":${body.length}}`)).toBe(true);
  });

  it(`drops connections beyond ${LIMITS.maxConnections} at once, and takes new ones as others close`, async () => {
    const held = await Promise.all(Array.from({ length: LIMITS.maxConnections }, () => open(port)));
    const beyond = await open(port);
    beyond.socket.write(post('{}'));
    beyond.socket.end('{}');
    expect(await beyond.received).toBe('');

    held[0]!.socket.destroy();
    await held[0]!.received;
    const next = await open(port);
    next.socket.write(post('{}'));
    next.socket.end('{}');
    expect(await next.received).toMatch(/^HTTP\/1\.1 200 OK/);
    for (const { socket } of held) socket.destroy();
  });
});
