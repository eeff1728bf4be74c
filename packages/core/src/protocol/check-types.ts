/**
 * Compile-time proof that the schemas and the frame types agree: if a field is
 * added to one and not the other, `tsc` fails here. Nothing is emitted at run time.
 */
import type * as v from 'valibot';
import type { ClientFrame } from './client-frames.js';
import type { CLIENT_FRAME_SCHEMAS } from './schemas/client.js';
import type { ACK_RESULT_SCHEMAS, SERVER_FRAME_SCHEMAS } from './schemas/server.js';
import type { AckResults, ServerFrame } from './server-frames.js';

type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type Out<S> = S extends v.GenericSchema ? v.InferOutput<S> : never;
type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

type ClientFromSchemas = DeepReadonly<Out<(typeof CLIENT_FRAME_SCHEMAS)[keyof typeof CLIENT_FRAME_SCHEMAS]>>;
type ServerFromSchemas = DeepReadonly<Out<(typeof SERVER_FRAME_SCHEMAS)[keyof typeof SERVER_FRAME_SCHEMAS]>>;
type AcksFromSchemas = {
  [K in keyof typeof ACK_RESULT_SCHEMAS]: DeepReadonly<Out<(typeof ACK_RESULT_SCHEMAS)[K]>>;
};

export type ProtocolTypesAgree = [
  Assert<Exact<ClientFromSchemas, DeepReadonly<ClientFrame>>>,
  Assert<Exact<Exclude<ServerFromSchemas, { type: 'ack' }>, DeepReadonly<Exclude<ServerFrame, { type: 'ack' }>>>>,
  Assert<Exact<AcksFromSchemas, DeepReadonly<AckResults>>>,
];
