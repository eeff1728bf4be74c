/** What each column of the visitor list shows for a visitor. Text only: nothing a visitor sent is rendered as HTML. */
import { html, nothing, type TemplateResult } from 'lit';
import type { VisitorInfo } from '@parley/core';
import { formatClock, formatDuration } from '../internal/format.js';
import { summariseUserAgent } from '../internal/user-agent.js';
import { pageLabel, visitorStatus, type VisitorColumn } from './columns.js';

export interface CellContext {
  readonly t: (key: string, values?: Record<string, string | number>) => string;
  readonly language: string;
  readonly now: number;
  readonly agentName: (agentId: string) => string | undefined;
}

export function renderCell(column: VisitorColumn, v: VisitorInfo, c: CellContext): TemplateResult | string | typeof nothing {
  switch (column) {
    case 'status': {
      const status = visitorStatus(v);
      return html`<span part="status" class="status status--${status}">${c.t(`visitorList.status.${status}`)}</span>`;
    }
    case 'id':
      return v.id;
    case 'name':
      if (v.name !== undefined) return v.name;
      if (v.member?.name !== undefined) {
        return html`${v.member.name} <span class="unverified">${c.t(v.member.verified ? 'visitorList.member' : 'visitorList.unverified')}</span>`;
      }
      return nothing;
    case 'search':
      if (v.keyword === undefined && v.searchEngine === undefined) return nothing;
      return [v.keyword, v.searchEngine && `(${v.searchEngine})`].filter(Boolean).join(' ');
    case 'visits':
      return String(v.visitCount);
    case 'ip':
      return v.ip ?? nothing;
    case 'location':
      return v.location ?? nothing;
    case 'entered':
      return formatClock(v.enteredAt, c.language);
    case 'waiting':
      return v.sessionState === 'queued' && v.waitingSince !== undefined ? formatDuration(c.now - v.waitingSince) : nothing;
    case 'lastMessage':
      return v.lastMessage ? html`<span title=${formatClock(v.lastMessage.at, c.language)} dir="auto">${v.lastMessage.text}</span>` : nothing;
    case 'left':
      return v.leftAt === undefined ? nothing : formatClock(v.leftAt, c.language);
    case 'agent':
      return v.agentId === undefined ? nothing : (c.agentName(v.agentId) ?? v.agentId);
    case 'page': {
      const label = pageLabel(v);
      return label === undefined ? nothing : html`<span title=${v.currentPage?.url ?? ''} dir="auto">${label}</span>`;
    }
    case 'language':
      return v.language ?? nothing;
    case 'browser':
      return v.userAgent === undefined ? nothing : summariseUserAgent(v.userAgent);
  }
}
