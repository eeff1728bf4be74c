/**
 * Compile-time proof that the schemas and the frame types agree: if a field is
 * added to one and not the other, `tsc` fails here. Nothing is emitted at run time.
 */
import type { ClientFrame } from './client-frames.js';
import type { CLIENT_FRAME_SCHEMAS } from './schemas/client.js';
import type {
  ACK_RESULT_SCHEMAS,
  AGENT_ACK_SCHEMAS,
  AGENT_FRAME_SCHEMAS,
  SERVER_FRAME_SCHEMAS,
  VISITOR_ACK_SCHEMAS,
  VISITOR_FRAME_SCHEMAS,
} from './schemas/server.js';
import type {
  AckResults,
  AgentAckResults,
  AgentServerFrame,
  ServerFrame,
  VisitorAckResults,
  VisitorServerFrame,
} from './server-frames.js';
import type { Infer } from './schemas/validator.js';

type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type Out<S> = Infer<S>;
type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** The frames a map of schemas decodes, `ack` aside (its `result` is checked by command). */
type FramesOf<Schemas> = Exclude<DeepReadonly<Out<Schemas[keyof Schemas]>>, { type: 'ack' }>;
type FramesAgree<Schemas, Frame> = Exact<FramesOf<Schemas>, DeepReadonly<Exclude<Frame, { type: 'ack' }>>>;
type ResultsOf<Schemas> = { [K in keyof Schemas]: DeepReadonly<Out<Schemas[K]>> };
type ResultsAgree<Schemas, Results> = Exact<ResultsOf<Schemas>, DeepReadonly<Results>>;

type ClientFromSchemas = DeepReadonly<Out<(typeof CLIENT_FRAME_SCHEMAS)[keyof typeof CLIENT_FRAME_SCHEMAS]>>;

export type ProtocolTypesAgree = [
  Assert<Exact<ClientFromSchemas, DeepReadonly<ClientFrame>>>,
  Assert<FramesAgree<typeof SERVER_FRAME_SCHEMAS, ServerFrame>>,
  Assert<FramesAgree<typeof VISITOR_FRAME_SCHEMAS, VisitorServerFrame>>,
  Assert<FramesAgree<typeof AGENT_FRAME_SCHEMAS, AgentServerFrame>>,
  Assert<ResultsAgree<typeof ACK_RESULT_SCHEMAS, AckResults>>,
  Assert<ResultsAgree<typeof VISITOR_ACK_SCHEMAS, VisitorAckResults>>,
  Assert<ResultsAgree<typeof AGENT_ACK_SCHEMAS, AgentAckResults>>,
];
