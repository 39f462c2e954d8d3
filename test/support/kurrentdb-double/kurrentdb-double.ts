import { setTimeout as sleep } from 'node:timers/promises';
import {
  Server,
  ServerCredentials,
  status as grpcStatus,
  type Metadata,
  type ServiceDefinition,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { AppendLoad, type AppendLoadOptions } from './append-load.js';
import { EventLog } from './event-log.js';
import { features, OTHER_SERVICES, ServerFeaturesService, StreamsService } from './protocol.js';
import { streamsService, type AppendFault } from './streams-service.js';

export type { AppendFault } from './streams-service.js';
export type { AppendLoadOptions, AppendRefusal } from './append-load.js';

export interface KurrentDbDoubleOptions {
  /**
   * List Streams/BatchAppend among the server's features, as a real server does (default), so the
   * client appends through it; false makes the client use Streams/Append.
   */
  readonly batchAppend?: boolean;
}

/** One RPC received: which client side sent it (grpc-js in the client, or its native bridge). */
export interface RpcCall {
  readonly path: string;
  readonly sender: 'grpc-js' | 'bridge';
}

const VERSION = '25.1.0';

/**
 * A KurrentDB server double for running the official client without a server: a @grpc/grpc-js
 * server, on 127.0.0.1 only, serving the client's own generated protocol definitions over an
 * in-memory log. See README.md beside this file for what it reproduces and what it does not.
 */
export class KurrentDbDouble {
  readonly log = new EventLog();
  readonly calls: RpcCall[] = [];
  /** Events written to subscribers: what a server-side filter saves shows here. */
  readonly sent = { subscriptionEvents: 0 };
  /** Appends on the wire now and at the most (`peakOnTheWire`), taken and refused. */
  readonly appends = new AppendLoad();
  private readonly appendFaults: AppendFault[] = [];
  private readonly access = { denied: false };
  private server: Server | undefined;
  private port = 0;

  private constructor(private readonly options: KurrentDbDoubleOptions) {}

  static async start(options: KurrentDbDoubleOptions = {}): Promise<KurrentDbDouble> {
    const double = new KurrentDbDouble(options);
    await double.resume();
    return double;
  }

  /** A connection string for this double; discoveryInterval=10 spares the bridge its 500 ms wait. */
  get connectionString(): string {
    return `kurrentdb://127.0.0.1:${this.port}?tls=false&discoveryInterval=10`;
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  /** Makes the next append fail as if the connection dropped, before or after storing it. */
  failNextAppend(fault: AppendFault): void {
    this.appendFaults.push(fault);
  }

  /**
   * Refuses appends as an overloaded server does: beyond `capacity` at once (each taking `workMs`),
   * or the next `refuseNext`; `{}` takes every append again.
   */
  overloadAppends(options: AppendLoadOptions): void {
    this.appends.configure(options);
  }

  /** Forgets the append faults not yet used. */
  clearAppendFaults(): void {
    this.appendFaults.length = 0;
  }

  /** Refuses every Streams call with PERMISSION_DENIED (as for a user without $all or stream ACLs). */
  denyAccess(denied = true): void {
    this.access.denied = denied;
  }

  /** Drops every connection and stops listening, as a server going down; the log is kept. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    server?.forceShutdown();
  }

  /** Listens again on the same port (the first time: on a free one), as a server coming back. */
  async resume(): Promise<void> {
    if (this.server) return;
    const server = new Server();
    server.addService(StreamsService, this.logged(StreamsService, streamsService(this.state())));
    server.addService(ServerFeaturesService, this.logged(ServerFeaturesService, this.features()));
    for (const service of OTHER_SERVICES) server.addService(service, this.logged(service, {}));
    this.port = await bind(server, this.port);
    this.server = server;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.resume();
  }

  async close(): Promise<void> {
    await this.stop();
  }

  private state() {
    const { log, appendFaults, access, sent, appends: load } = this;
    return { log, appendFaults, access, sent, load };
  }

  private features(): UntypedServiceImplementation {
    const methods = Object.values(StreamsService)
      .filter((method) => this.options.batchAppend !== false || !method.path.endsWith('/BatchAppend'))
      .map((method) => {
        const [service = '', name = ''] = method.path.slice(1).split('/');
        const supported = new features.SupportedMethod().setServiceName(service.toLowerCase());
        supported.setMethodName(name.toLowerCase());
        if (name === 'Read') supported.setFeaturesList(['position', 'events']);
        if (name === 'BatchAppend') supported.setFeaturesList(['deadline_duration']);
        return supported;
      });
    const supportedMethods = new features.SupportedMethods()
      .setMethodsList(methods)
      .setEventStoreServerVersion(VERSION);
    return {
      getSupportedMethods: (
        _call: unknown,
        callback: (error: null, value: features.SupportedMethods) => void,
      ) => callback(null, supportedMethods),
    };
  }

  /** Records every call; methods without an implementation answer UNIMPLEMENTED, as a server would. */
  private logged(
    service: ServiceDefinition,
    implementation: UntypedServiceImplementation,
  ): UntypedServiceImplementation {
    const handlers: UntypedServiceImplementation = {};
    for (const [name, method] of Object.entries(service)) {
      const handler = implementation[name] as ((...args: unknown[]) => void) | undefined;
      handlers[name] = ((
        call: { metadata: Metadata; emit: (event: string, error: unknown) => void },
        callback?: (error: unknown) => void,
      ) => {
        this.calls.push({ path: method.path, sender: senderOf(call.metadata) });
        if (handler) return handler(call, callback);
        const error = {
          code: grpcStatus.UNIMPLEMENTED,
          details: `${method.path} is not served by the double`,
        };
        if (callback) callback(error);
        else call.emit('error', error);
      }) as UntypedServiceImplementation[string];
    }
    return handlers;
  }
}

function senderOf(metadata: Metadata): RpcCall['sender'] {
  return String(metadata.get('user-agent')[0] ?? '').startsWith('grpc-node-js') ? 'grpc-js' : 'bridge';
}

/** Binds 127.0.0.1; a port just released may need a moment before it can be bound again. */
async function bind(server: Server, port: number): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await new Promise<number>((resolve, reject) =>
        server.bindAsync(`127.0.0.1:${port}`, ServerCredentials.createInsecure(), (error, bound) =>
          error ? reject(error) : resolve(bound),
        ),
      );
    } catch (error) {
      if (port === 0 || attempt >= 50) throw error;
      await sleep(20);
    }
  }
}
