/** Size limits every peer enforces on what it reads. */
export const LIMITS = {
  /** Largest frame, in UTF-16 code units of its JSON text (a byte limit is also applied by servers). */
  frameChars: 256 * 1024,
  /** Deepest nesting of objects and arrays in a frame (the frame itself is level 1). */
  depth: 32,
  /** Ids: ours are prefixed nanoids; a peer's `clientId` or `ref` must fit too. */
  id: 64,
  messageText: 10_000,
  draft: 10_000,
  url: 2_048,
  title: 512,
  shortText: 256,
  longText: 4_000,
  formFields: 50,
  attachments: 10,
  /** Most sessions one `hello` may ask to resume. */
  resumeSessions: 100,
  /** Most missed messages the hub replays per resumed session after `welcome`; clients page in the rest. */
  resumeMessages: 1_000,
  /** Most messages one `session.history` answer holds. */
  historyPage: 200,
} as const;
