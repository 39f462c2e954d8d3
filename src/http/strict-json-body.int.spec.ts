import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Body, Controller, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';
import { INVALID_UTF8, useStrictJsonBody } from './strict-json-body.js';

/* Issue 18, defect 5: bytes that are not UTF-8 are refused, not stored as "�". */

@Controller()
class EchoController {
  @Post('echo')
  echo(@Body() body: unknown): unknown {
    return { received: body };
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

const json = (text: string) => Buffer.from(text, 'utf8');

describe('a JSON request body', () => {
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(
      EchoModule,
      new FastifyAdapter({ bodyLimit: 200 }),
      {
        logger: false,
        abortOnError: false,
      },
    );
    useStrictJsonBody(app);
    useStrictJsonBody(app);
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/echo`;
  });

  afterAll(async () => {
    await app.close();
  });

  const post = async (payload: Buffer) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: payload,
    });
    const body = await response.text();
    return { statusCode: response.status, body, json: () => JSON.parse(body) as unknown };
  };

  it('is read as UTF-8, accents and characters beyond the BMP included', async () => {
    const response = await post(json('{"note":"Café – 😀"}'));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ received: { note: 'Café – 😀' } });
  });

  it.each([
    ['a Windows-1252 "é"', Buffer.concat([json('{"note":"Caf'), Buffer.from([0xe9]), json('"}')])],
    [
      'a cut multi-byte character',
      Buffer.concat([json('{"note":"'), Buffer.from([0xf0, 0x9f, 0x98]), json('"}')]),
    ],
    ['an overlong encoding', Buffer.concat([json('{"note":"'), Buffer.from([0xc0, 0xaf]), json('"}')])],
  ])('holding %s is refused with 400, saying why', async (_, payload) => {
    const response = await post(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      statusCode: 400,
      message: INVALID_UTF8,
    });
    expect(response.body).not.toMatch(/\bat .*\.[jt]s:\d+/);
  });

  it('keeps Fastify’s protections: "__proto__" keys and malformed JSON are refused, the body limit holds', async () => {
    expect((await post(json('{"__proto__":{"admin":true}}'))).statusCode).toBe(400);
    expect((await post(json('{"note":'))).statusCode).toBe(400);
    expect((await post(json(`{"note":"${'x'.repeat(300)}"}`))).statusCode).toBe(413);
  });
});
