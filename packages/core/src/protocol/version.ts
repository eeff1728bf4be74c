/**
 * The protocol's version. A peer sends it in `hello`; the hub refuses a
 * different major version with the `protocol_version` error and closes.
 */
export const PROTOCOL_VERSION = 1;
