import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import { logLevelsFrom, type AppConfig } from './config.js';
import { MAX_IMPORT_BYTES } from './import/parse/parse-plan-document.js';
import type { Clock } from './shared/clock.js';
import { registerWebAssets } from './web/web-assets.js';

/**
 * Fastify refuses bodies over 1 MiB by default; an import sends a whole file, as base64 for XLSX
 * (4 bytes for every 3), inside a JSON request. Larger bodies are refused with 413 before parsing.
 */
const BODY_LIMIT = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 1024 * 1024;

/** Builds the application (used by main.ts and by the end-to-end tests). */
export async function createApp(config: AppConfig, clock?: Clock): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, clock),
    new FastifyAdapter({ bodyLimit: BODY_LIMIT }),
    {
      logger: logLevelsFrom(config.logLevel),
    },
  );
  await registerWebAssets(app);
  return app;
}
