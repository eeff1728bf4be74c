import { css } from 'lit';
import { token, tokenValue } from '@parley/widget/shared';
import { agentStyles } from '../styles/agent.styles.js';

export const conversationListStyles = [
  agentStyles,
  css`
    .conversations__item {
      display: flex;
      align-items: center;
      gap: 0.25rem;
    }
    .conversations__select {
      all: unset;
      box-sizing: border-box;
      flex: 1 1 auto;
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 0 0.5rem;
      padding: 0.4rem 0.5rem;
      border-radius: ${tokenValue('radius-small')};
      cursor: pointer;
      min-inline-size: 0;
    }
    .conversations__select:hover {
      background: ${tokenValue('color-surface-alt')};
    }
    .conversations__select[aria-current='true'] {
      background: ${token('conversation-list-selected-background', 'color-surface-alt')};
      box-shadow: inset 3px 0 0 ${tokenValue('color-accent')};
    }
    .conversations__select:focus-visible {
      outline: 3px solid ${tokenValue('color-focus')};
      outline-offset: -3px;
    }
    .conversations__name {
      font-weight: 600;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .conversations__item--unread .conversations__name::after {
      content: ' •';
      color: ${token('conversation-list-unread-color', 'color-danger')};
    }
    .conversations__state {
      grid-column: 1 / -1;
      color: ${tokenValue('color-muted')};
      font-size: 0.85em;
    }
    .conversations__shortcut {
      color: ${tokenValue('color-muted')};
      font-size: 0.85em;
    }
  `,
];
