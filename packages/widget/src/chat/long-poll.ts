/** The long-poll transport, in a chunk of its own (see `connect.ts`). */
export { createLongPollTransport } from '@parley/core';
