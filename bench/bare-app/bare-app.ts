/**
 * The baseline for the app's request path: Nest 12 + Apollo 5 + Fastify with one resolver and
 * nothing else (no plugins, no context, no validation, no logging), started in its own process as
 * the app is: `PORT=3001 node dist-bench/bench/bare-app/bare-app.js`. Answers 200 on /health/live
 * and /health/ready (outside GraphQL) so the same start-up probe finds it ready.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule, Query, Resolver } from '@nestjs/graphql';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';

@Resolver()
class GreetingResolver {
  @Query(() => String)
  greeting(): string {
    return 'Hello';
  }
}

@Module({
  imports: [GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, autoSchemaFile: true })],
  providers: [GreetingResolver],
})
class BareAppModule {}

const app = await NestFactory.create<NestFastifyApplication>(BareAppModule, new FastifyAdapter(), {
  logger: false,
});
const fastify = app.getHttpAdapter().getInstance();
for (const probe of ['/health/live', '/health/ready']) fastify.get(probe, async () => ({ status: 'ok' }));
await app.listen(Number(process.env.PORT ?? 3001), process.env.HOST ?? '127.0.0.1');
