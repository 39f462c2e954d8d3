import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import { logLevelsFrom, type AppConfig } from './config.js';
import { serverOptions } from './http/server-options.js';
import type { Clock } from './shared/clock.js';
import { registerWebAssets } from './web/web-assets.js';

/** Builds the application (used by main.ts and by the end-to-end tests). */
export async function createApp(config: AppConfig, clock?: Clock): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, clock),
    new FastifyAdapter(serverOptions()),
    {
      logger: logLevelsFrom(config.logLevel),
    },
  );
  await registerWebAssets(app);
  return app;
}
