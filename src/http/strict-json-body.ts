import { BadRequestException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyBodyParser, FastifyInstance } from 'fastify';

/**
 * JSON bodies must be UTF-8. Fastify's own parser reads the bytes as text leniently, so a body with
 * bytes that are not UTF-8 (a Windows-1252 "é", a cut multi-byte character) was stored with "�" in
 * place of the character, and nobody was told. Here such a body is refused with 400 before any
 * GraphQL runs, and everything else is left to Fastify's own JSON parser: the same handling of
 * "__proto__" and "constructor" keys (refused, as the server is configured), the same answer to
 * malformed JSON, and the server's body limit, applied to the bytes as they arrive.
 */
export const INVALID_UTF8 = 'The request body is not valid UTF-8: send the JSON encoded as UTF-8';

/** The strict parser for `instance`, on Fastify's own JSON parser as its options configure it. */
export function strictJsonParser(instance: FastifyInstance): FastifyBodyParser<Buffer> {
  const { onProtoPoisoning, onConstructorPoisoning } = instance.initialConfig;
  const parseJson = instance.getDefaultJsonParser(
    onProtoPoisoning ?? 'error',
    onConstructorPoisoning ?? 'error',
  );
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  return (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body);
    } catch {
      // An HttpException: Nest answers it as it answers any 400 (JSON, no internals).
      done(new BadRequestException(INVALID_UTF8), undefined);
      return;
    }
    parseJson(request, text, done);
  };
}

const registered = new WeakSet<NestFastifyApplication>();

/**
 * Registers the strict parser for application/json through Nest, so that Nest does not register
 * its own lenient one when the application starts. Call it before `listen` or `init`; a second call does nothing.
 */
export function useStrictJsonBody(app: NestFastifyApplication): void {
  if (registered.has(app)) return;
  registered.add(app);
  const instance = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  app.useBodyParser(
    'application/json',
    { bodyLimit: instance.initialConfig.bodyLimit },
    strictJsonParser(instance),
  );
}
