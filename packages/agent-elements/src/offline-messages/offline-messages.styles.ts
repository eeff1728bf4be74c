import { css } from 'lit';
import { token, tokenValue } from '@parley/widget/shared';
import { agentStyles } from '../styles/agent.styles.js';

export const offlineMessagesStyles = [
  agentStyles,
  css`
    .offline {
      background: ${token('offline-messages-background', 'color-surface')};
    }
    .offline__item {
      display: grid;
      grid-template-columns: 1fr auto;
      align-items: start;
      gap: 0.25rem 0.5rem;
      padding: 0.5rem 0;
      border-block-end: 1px solid ${token('offline-messages-divider-color', 'color-surface-alt')};
    }
    .offline__fields {
      grid-column: 1;
      margin: 0;
    }
    .offline__field {
      display: flex;
      gap: 0.5rem;
    }
    .offline__field dt {
      color: ${tokenValue('color-muted')};
      min-inline-size: 5rem;
    }
    .offline__field dd {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .offline__meta {
      grid-column: 1;
      color: ${tokenValue('color-muted')};
      font-size: 0.9em;
    }
    .offline__state--pending {
      color: ${token('offline-messages-pending-color', 'color-accent')};
      font-weight: 600;
    }
    .offline__item--replied .offline__fields {
      opacity: 0.8;
    }
    .offline__mark {
      grid-row: 1;
      grid-column: 2;
    }
  `,
];
