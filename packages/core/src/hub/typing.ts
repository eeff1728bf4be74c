/**
 * Typing preview (flow 3, V11). A visitor's draft reaches the serving agent
 * and the supervisors — only when the site turns preview on; otherwise the
 * hub drops it silently. An agent's typing reaches the visitor as "typing",
 * never its draft. Ephemeral: never stored.
 *
 * Fan-out is throttled per session and side: at most one frame per
 * {@link TYPING_INTERVAL_MS}, the last value wins and is always delivered.
 * Sending a message clears the sender's preview at once.
 */
import { ERROR_CODES } from '../protocol/error-codes.js';
import type { TypingFrame } from '../protocol/client-frames.js';
import type { TypingPreviewFrame } from '../protocol/server-frames.js';
import { type Ctx, fail, notFound } from './command.js';
import type { HubCore } from './core.js';
import type { SiteState, TypingEntry } from './site-state.js';

export const TYPING_INTERVAL_MS = 150;

const key = (sessionId: string, side: 'visitor' | 'agent') => `${sessionId}:${side}`;

/** Sends to whoever is on the other side at delivery time (the agent may change in between). */
function deliver(core: HubCore, state: SiteState, frame: TypingPreviewFrame): void {
  const open = state.sessions.get(frame.sessionId);
  if (!open) return;
  if (frame.side === 'visitor') core.fanout.toSessionAgents(state.site.id, open.record.agentId, frame);
  else core.fanout.toVisitor(state.site.id, open.record.visitorId, frame);
}

function push(core: HubCore, state: SiteState, frame: TypingPreviewFrame): void {
  const k = key(frame.sessionId, frame.side);
  let entry = state.typing.get(k);
  if (!entry) state.typing.set(k, (entry = { lastSentAt: -Infinity, lastActive: false }));
  const e: TypingEntry = entry;
  const send = () => {
    const text = JSON.stringify(frame);
    e.pending = undefined;
    // Agents' "typing" repeats itself at every key: send changes only.
    if (text === e.lastSent) return;
    e.lastSent = text;
    e.lastActive = frame.active;
    e.lastSentAt = core.clock.now();
    deliver(core, state, frame);
  };
  const wait = e.lastSentAt + TYPING_INTERVAL_MS - core.clock.now();
  if (e.timer === undefined && wait <= 0) return send();
  e.pending = send;
  if (e.timer === undefined) {
    e.timer = core.timers.set('typing', state.site.id, wait, () => {
      e.timer = undefined;
      e.pending?.();
    });
  }
}

export async function handleTyping(ctx: Ctx, frame: TypingFrame): Promise<void> {
  const { core, state, actor } = ctx;
  const open = state.sessions.get(frame.sessionId);
  if (actor.role === 'visitor') {
    if (!open || open.record.visitorId !== actor.visitorId) return notFound('open session');
    if (!state.site.settings.typingPreview) return;
    push(core, state, { type: 'typing', sessionId: frame.sessionId, side: 'visitor', draft: frame.draft, active: frame.draft !== '' });
    return;
  }
  if (!open) return notFound('open session');
  if (open.record.agentId !== actor.agentId) fail(ERROR_CODES.forbidden, 'Only the agent serving this session may type in it.');
  push(core, state, { type: 'typing', sessionId: frame.sessionId, side: 'agent', active: frame.draft !== '' });
}

/** The side sent its message: its preview is cleared now (if one was shown). */
export function clearTyping(core: HubCore, state: SiteState, sessionId: string, side: 'visitor' | 'agent'): void {
  const k = key(sessionId, side);
  const entry = state.typing.get(k);
  if (!entry) return;
  core.timers.clear(entry.timer);
  state.typing.delete(k);
  if (entry.lastActive) {
    const frame: TypingPreviewFrame =
      side === 'visitor'
        ? { type: 'typing', sessionId, side, draft: '', active: false }
        : { type: 'typing', sessionId, side, active: false };
    deliver(core, state, frame);
  }
}

/** The session ended: drop its typing state without a word. */
export function forgetTyping(core: HubCore, state: SiteState, sessionId: string): void {
  for (const side of ['visitor', 'agent'] as const) {
    const entry = state.typing.get(key(sessionId, side));
    if (!entry) continue;
    core.timers.clear(entry.timer);
    state.typing.delete(key(sessionId, side));
  }
}
