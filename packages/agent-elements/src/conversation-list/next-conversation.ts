import type { SessionInfo } from '@parley/core';

const OPEN: ReadonlySet<SessionInfo['state']> = new Set(['active', 'transferring']);

/**
 * Where "next conversation" goes (A6): after `current`, in list order and
 * wrapping around, the first open chat with unread messages; else simply the
 * next open chat; else the next chat of any state. Undefined when there is no
 * other chat.
 */
export function nextConversation(
  sessions: readonly SessionInfo[],
  current: string | undefined,
  unread: (sessionId: string) => number,
): string | undefined {
  const at = sessions.findIndex((s) => s.id === current);
  const after = [...sessions.slice(at + 1), ...sessions.slice(0, Math.max(0, at))].filter((s) => s.id !== current);
  return (
    after.find((s) => OPEN.has(s.state) && unread(s.id) > 0) ?? after.find((s) => OPEN.has(s.state)) ?? after[0]
  )?.id;
}
