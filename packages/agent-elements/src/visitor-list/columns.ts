/**
 * The live visitor list's columns (A3): their ids, how each one sorts, and the
 * plain values cells show. Pure functions over {@link VisitorInfo}: no DOM, no
 * i18n (the element formats and translates).
 */
import type { VisitorInfo } from '@parley/core';
import { summariseUserAgent } from '../internal/user-agent.js';

/** Every column the list can show, in their default order. */
export const VISITOR_COLUMNS = [
  'status',
  'id',
  'name',
  'search',
  'visits',
  'ip',
  'location',
  'entered',
  'waiting',
  'lastMessage',
  'left',
  'agent',
  'page',
  'language',
  'browser',
] as const;
export type VisitorColumn = (typeof VISITOR_COLUMNS)[number];

/** Columns shown until the agent chooses others. */
export const DEFAULT_VISITOR_COLUMNS: readonly VisitorColumn[] = [
  'status',
  'name',
  'location',
  'page',
  'search',
  'visits',
  'entered',
  'waiting',
  'lastMessage',
  'agent',
  'browser',
];

/** Where a visitor is: waiting for an agent, chatting, only browsing, or gone. */
export const VISITOR_STATUSES = ['waiting', 'chatting', 'browsing', 'departed'] as const;
export type VisitorStatus = (typeof VISITOR_STATUSES)[number];

export function visitorStatus(visitor: VisitorInfo): VisitorStatus {
  if (!visitor.online) return 'departed';
  switch (visitor.sessionState) {
    case 'queued':
      return 'waiting';
    case 'active':
    case 'transferring':
      return 'chatting';
    default:
      return 'browsing';
  }
}

/** What the list needs besides the visitor itself. */
export interface ColumnContext {
  /** An agent's display name by id (the agent column). */
  agentName(agentId: string): string | undefined;
}

/**
 * How a column orders rows: `number` numerically, `text` with the locale's
 * collator (names, places), `code` by UTF-16 code units (ids, URLs, tags: cheap
 * and exact for ASCII).
 */
export type SortKind = 'number' | 'text' | 'code';
export type SortKey = number | string | undefined;

interface ColumnSort {
  readonly kind: SortKind;
  /** `undefined` sorts last in either direction. */
  key(visitor: VisitorInfo, context: ColumnContext): SortKey;
}

const STATUS_RANK: Readonly<Record<VisitorStatus, number>> = { waiting: 0, chatting: 1, browsing: 2, departed: 3 };

/** IPv4 zero-padded so that code-unit order is numeric order; other addresses as they are. */
function ipKey(ip: string | undefined): string | undefined {
  if (ip === undefined) return undefined;
  const parts = ip.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return ip;
  return parts.map((p) => p.padStart(3, '0')).join('.');
}

export const displayName = (visitor: VisitorInfo): string | undefined => visitor.name ?? visitor.member?.name;

export const pageLabel = (visitor: VisitorInfo): string | undefined =>
  visitor.currentPage && (visitor.currentPage.title || visitor.currentPage.url);

export const COLUMN_SORT: Readonly<Record<VisitorColumn, ColumnSort>> = {
  status: { kind: 'number', key: (v) => STATUS_RANK[visitorStatus(v)] },
  id: { kind: 'code', key: (v) => v.id },
  name: { kind: 'text', key: (v) => displayName(v) },
  search: { kind: 'text', key: (v) => v.keyword ?? v.searchEngine },
  visits: { kind: 'number', key: (v) => v.visitCount },
  ip: { kind: 'code', key: (v) => ipKey(v.ip) },
  location: { kind: 'text', key: (v) => v.location },
  entered: { kind: 'number', key: (v) => v.enteredAt },
  // Ascending means the shortest wait first: the later someone started waiting, the shorter.
  waiting: { kind: 'number', key: (v) => (v.waitingSince === undefined || v.sessionState !== 'queued' ? undefined : -v.waitingSince) },
  lastMessage: { kind: 'number', key: (v) => v.lastMessage?.at },
  left: { kind: 'number', key: (v) => v.leftAt },
  agent: { kind: 'text', key: (v, c) => (v.agentId === undefined ? undefined : (c.agentName(v.agentId) ?? v.agentId)) },
  page: { kind: 'text', key: (v) => pageLabel(v) },
  language: { kind: 'code', key: (v) => v.language },
  browser: { kind: 'code', key: (v) => (v.userAgent === undefined ? undefined : summariseUserAgent(v.userAgent)) },
};

/** Everything a text search looks in, lower-cased. */
export function searchText(visitor: VisitorInfo, context: ColumnContext): string {
  const parts = [
    visitor.id,
    visitor.name,
    visitor.member?.name,
    visitor.member?.email,
    visitor.ip,
    visitor.location,
    visitor.keyword,
    visitor.searchEngine,
    visitor.currentPage?.title,
    visitor.currentPage?.url,
    visitor.lastMessage?.text,
    visitor.language,
    visitor.userAgent === undefined ? undefined : summariseUserAgent(visitor.userAgent),
    visitor.agentId === undefined ? undefined : context.agentName(visitor.agentId),
    ...(visitor.card ? Object.values(visitor.card) : []),
  ];
  return parts.filter((p) => p !== undefined && p !== '').join('\n').toLowerCase();
}
