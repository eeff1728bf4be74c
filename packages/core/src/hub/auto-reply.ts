/**
 * Automatic replies (A9): when a visitor's message waits `afterSeconds`
 * without an answer from an agent, the hub sends the site's text as a system
 * message, at most `maxTimes` per session. One visitor message (or a burst of
 * them) arms one timer; an agent's message disarms it. Applies while queued
 * too: that is when visitors wait most.
 */
import type { HubCore } from './core.js';
import { appendSystemMessage } from './messages.js';
import { commitSession } from './session-records.js';
import type { OpenSession, SiteState } from './site-state.js';

export function onVisitorMessage(core: HubCore, state: SiteState, open: OpenSession): void {
  const rule = state.site.settings.autoReply;
  if (!rule || rule.afterSeconds <= 0 || !rule.text || open.autoReplyTimer !== undefined) return;
  if (open.record.autoReplies >= rule.maxTimes) return;
  const sessionId = open.record.id;
  const handle = core.timers.set('auto-reply', state.site.id, rule.afterSeconds * 1000, () =>
    core.locks.run(sessionId, async () => {
      const current = state.sessions.get(sessionId);
      if (!current || current.autoReplyTimer !== handle) return;
      current.autoReplyTimer = undefined;
      const settings = state.site.settings.autoReply;
      if (!settings || current.record.autoReplies >= settings.maxTimes) return;
      const next = { ...current.record, autoReplies: current.record.autoReplies + 1 };
      await commitSession(core, state, next);
      await appendSystemMessage(core, state, next, settings.text);
    }),
  );
  open.autoReplyTimer = handle;
}

/** An agent answered: nothing to reply automatically. */
export function onAgentReply(core: HubCore, open: OpenSession): void {
  core.timers.clear(open.autoReplyTimer);
  open.autoReplyTimer = undefined;
}
