/**
 * The greeting: who is on the other end. A visitor is recognised by its token
 * (or made new), its visit counted, its member claim checked; an agent by
 * its token and its record. Either gets `welcome`, is subscribed to its
 * topics in the same synchronous step (nothing published in between is
 * lost), then receives what it missed since `resume`.
 */
import { CLOSE_CODES } from '../transport/transport.js';
import { ERROR_CODES, type ErrorCode } from '../protocol/error-codes.js';
import { isOriginAllowed } from '../origin.js';
import { LIMITS } from '../protocol/limits.js';
import type { AgentHelloFrame, VisitorHelloFrame } from '../protocol/client-frames.js';
import type { VisitorSettings } from '../protocol/model.js';
import { PROTOCOL_VERSION } from '../protocol/version.js';
import { agentConnected } from './agent-presence.js';
import { verifyMember } from './auth.js';
import { TOPICS } from './bus.js';
import type { Actor, Conn } from './conn.js';
import type { HubCore } from './core.js';
import { PERMISSIONS, permissionsOf, roleCan } from './permissions.js';
import { agentInfo } from './presence.js';
import type { SiteSettings } from './records.js';
import { findSession, openInfo } from './session-records.js';
import type { SiteState } from './site-state.js';
import { offersTo } from './transfer.js';
import { VISIT_GAP_MS, visitorArrived } from './visitor-list.js';
import { updateVisitorRecord } from './visitor-record.js';

/** The hello is refused: an `error` with `fatal: true`, then the connection closes with `closeCode`. */
export class HelloRefused extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly closeCode: number,
  ) {
    super(message);
  }
}

/** What the greeting needs of a connection besides {@link Conn}. */
export interface GreetedConn extends Conn {
  become(actor: Actor, state: SiteState): void;
}

export function visitorSettings(settings: SiteSettings): VisitorSettings {
  const { typingPreview, pushOrigins, preChatFields, offlineFields, texts, theme } = settings;
  return { typingPreview, pushOrigins, preChatFields, offlineFields, texts, theme };
}

export async function visitorHello(core: HubCore, conn: GreetedConn, frame: VisitorHelloFrame): Promise<void> {
  const state = await core.sites.get(frame.siteId);
  if (!state) throw new HelloRefused(ERROR_CODES.notFound, 'No such site.', CLOSE_CODES.policyViolation);
  const siteId = state.site.id;
  // Checked here too, because only the hello names the site (a server checks before it).
  if (!isOriginAllowed(state.site.settings.allowedOrigins, conn.context.origin)) {
    throw new HelloRefused(ERROR_CODES.forbidden, 'This site does not allow chat from this origin.', CLOSE_CODES.policyViolation);
  }
  let visitorId: string;
  if (frame.token !== undefined) {
    const claim = await core.auth.verifyVisitorToken(frame.token);
    if (!claim || claim.siteId !== siteId) {
      throw new HelloRefused(ERROR_CODES.authFailed, 'The visitor token is not valid for this site.', CLOSE_CODES.authFailed);
    }
    visitorId = claim.visitorId;
  } else {
    visitorId = core.ids('visitor');
  }
  // An unverified claim is kept for display, marked `verified: false`; only verified ones are stored.
  const member = frame.member && (await verifyMember(state.site.secret, frame.member));
  const token = await core.auth.issueVisitorToken(siteId, visitorId);
  const now = core.clock.now();
  let newVisit = false;
  const record = await updateVisitorRecord(core, siteId, visitorId, (stored) => {
    const live = state.visitors.get(visitorId);
    const lastSeen = Math.max(stored?.lastSeenAt ?? -Infinity, live?.leftAt ?? -Infinity);
    // A visit: the first connection after 30 minutes without any; other tabs join it.
    newVisit = !stored || ((live?.connections ?? 0) === 0 && now - lastSeen >= VISIT_GAP_MS);
    return {
      id: visitorId,
      siteId,
      visitCount: (stored?.visitCount ?? 0) + (newVisit ? 1 : 0),
      firstSeenAt: stored?.firstSeenAt ?? now,
      lastSeenAt: now,
      member: member?.verified ? member : stored?.member,
      card: stored?.card,
      lastAgentId: stored?.lastAgentId,
    };
  });
  if (!record || conn.closed) return;
  visitorArrived(core, state, {
    record,
    newVisit,
    member,
    context: conn.context,
    language: frame.language,
    userAgent: conn.context.userAgent ?? frame.userAgent,
  });
  const actor = { role: 'visitor', siteId, visitorId } as const;
  conn.become(actor, state);
  const open = state.sessions.get(state.openByVisitor.get(visitorId) ?? '');
  conn.send({
    type: 'welcome',
    v: PROTOCOL_VERSION,
    role: 'visitor',
    visitorId,
    token,
    visitCount: record.visitCount,
    settings: visitorSettings(state.site.settings),
    availability: state.availability,
    sessions: open ? [openInfo(state, open, true)] : [],
    invites: [...state.invites.values()].filter((p) => p.invite.visitorId === visitorId).map((p) => p.invite),
  });
  conn.subscribe(TOPICS.visitor(siteId, visitorId));
  conn.subscribe(TOPICS.siteVisitors(siteId));
  await resume(core, conn, state, actor, frame.resume);
}

export async function agentHello(core: HubCore, conn: GreetedConn, frame: AgentHelloFrame): Promise<void> {
  const refused = () => new HelloRefused(ERROR_CODES.authFailed, 'The agent token is not valid.', CLOSE_CODES.authFailed);
  const claim = await core.auth.verifyAgentToken(frame.token);
  if (!claim) throw refused();
  const state = await core.sites.get(claim.siteId);
  const agent = state && (await core.store.getAgent(claim.agentId));
  if (!state || !agent || agent.siteId !== claim.siteId || agent.disabled) throw refused();
  if (conn.closed) return;
  state.agents.set(agent.id, agent);
  const actor = { role: 'agent', siteId: state.site.id, agentId: agent.id } as const;
  agentConnected(core, state, agent.id);
  conn.become(actor, state);
  conn.send({
    type: 'welcome',
    v: PROTOCOL_VERSION,
    role: 'agent',
    agent: agentInfo(state, agent, true),
    permissions: [...permissionsOf(agent.role)],
    agents: [...state.agents.values()].filter((a) => !a.disabled).map((a) => agentInfo(state, a, a.id === agent.id)),
    groups: state.groups.map((g) => ({ id: g.id, name: g.name })),
    sessions: [...state.sessions.values()]
      .filter((open) => open.record.agentId === agent.id && open.record.state !== 'queued')
      .map((open) => openInfo(state, open)),
    queue: state.queue.flatMap((id) => state.sessions.get(id) ?? []).map((open) => openInfo(state, open)),
    transfers: offersTo(state, agent.id),
  });
  conn.subscribe(TOPICS.agent(agent.id));
  conn.subscribe(TOPICS.siteAgents(state.site.id));
  if (roleCan(agent.role, PERMISSIONS.supervise)) conn.subscribe(TOPICS.siteSupervisors(state.site.id));
  await resume(core, conn, state, actor, frame.resume);
}

/** Sends the messages missed in each session the actor may see; others are skipped silently. */
async function resume(
  core: HubCore,
  conn: Conn,
  state: SiteState,
  actor: Actor,
  from: Readonly<Record<string, number>> | undefined,
): Promise<void> {
  for (const [sessionId, lastSeq] of Object.entries(from ?? {})) {
    if (sessionId.length === 0 || sessionId.length > LIMITS.id) continue;
    const found = await findSession(core, state, sessionId);
    if (!found) continue;
    const { record } = found;
    const visible =
      actor.role === 'visitor'
        ? record.visitorId === actor.visitorId
        : record.agentId === actor.agentId ||
          roleCan(state.agents.get(actor.agentId)?.role ?? 'agent', PERMISSIONS.supervise);
    if (!visible) continue;
    const missed = await core.store.listMessages(sessionId, { afterSeq: lastSeq, limit: LIMITS.resumeMessages });
    for (const message of missed) conn.send({ type: 'message', message });
  }
}
