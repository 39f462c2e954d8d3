/**
 * The official protocol definitions, as generated code shipped inside @kurrent/kurrentdb-client
 * (google-protobuf messages and @grpc/grpc-js service definitions). They are CommonJS: the default
 * import is the module, which is how Node and Jest both load them.
 */
import code from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/code_pb.js';
import gossipGrpc from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/gossip_grpc_pb.js';
import operationsGrpc from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/operations_grpc_pb.js';
import persistentGrpc from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/persistentsubscriptions_grpc_pb.js';
import projectionsGrpc from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/projectionmanagement_grpc_pb.js';
import featuresGrpc from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_grpc_pb.js';
import features from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_pb.js';
import shared from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb.js';
import status from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/status_pb.js';
import streamsGrpc from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_grpc_pb.js';
import streams from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb.js';
import usersGrpc from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/usermanagement_grpc_pb.js';
import serverInfoGrpc from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v2/features/service_grpc_pb.js';
import streamsV2Grpc from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v2/streams/streams_grpc_pb.js';
import type { ServiceDefinition } from '@grpc/grpc-js';

export { code, features, shared, status, streams };
export const { StreamsService } = streamsGrpc;
export const { ServerFeaturesService } = featuresGrpc;

/** Every other service the client has definitions for: served as UNIMPLEMENTED, but logged. */
export const OTHER_SERVICES: readonly ServiceDefinition[] = [
  gossipGrpc.GossipService,
  operationsGrpc.OperationsService,
  persistentGrpc.PersistentSubscriptionsService,
  projectionsGrpc.ProjectionsService,
  usersGrpc.UsersService,
  serverInfoGrpc.ServerInfoServiceService,
  streamsV2Grpc.StreamsServiceService,
];

export function streamName(identifier: shared.StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

export function streamIdentifier(name: string): shared.StreamIdentifier {
  return new shared.StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'));
}

/** The client sends ids as strings (Append, BatchAppend) and may ask for them either way. */
export function uuidString(uuid: shared.UUID | undefined): string {
  if (!uuid) throw new Error('A proposed message has no id');
  if (!uuid.hasStructured()) return uuid.getString();
  const structured = uuid.getStructured();
  const hex = (bits: string) => (BigInt(bits) & (2n ** 64n - 1n)).toString(16).padStart(16, '0');
  const [most, least] = [
    hex(structured?.getMostSignificantBits() ?? '0'),
    hex(structured?.getLeastSignificantBits() ?? '0'),
  ];
  return `${most.slice(0, 8)}-${most.slice(8, 12)}-${most.slice(12)}-${least.slice(0, 4)}-${least.slice(4)}`;
}

export function uuid(id: string): shared.UUID {
  return new shared.UUID().setString(id);
}

export function empty(): shared.Empty {
  return new shared.Empty();
}
