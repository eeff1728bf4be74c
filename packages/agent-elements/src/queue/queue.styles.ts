import { css } from 'lit';
import { token, tokenValue } from '@parley/widget/shared';
import { agentStyles } from '../styles/agent.styles.js';

export const queueStyles = [
  agentStyles,
  css`
    .queue {
      background: ${token('queue-background', 'color-surface')};
    }
    .queue__counters {
      display: flex;
      gap: 1rem;
      margin: 0;
    }
    .queue__counter dt {
      display: inline;
      font-weight: 400;
    }
    .queue__counter dd {
      display: inline;
      margin: 0 0 0 0.25rem;
      font-weight: 600;
    }
    .queue__item {
      display: grid;
      grid-template-columns: 1fr auto;
      align-items: center;
      gap: 0.1rem 0.5rem;
      padding: 0.4rem 0;
      border-block-end: 1px solid ${token('queue-divider-color', 'color-surface-alt')};
    }
    .queue__name {
      font-weight: 600;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .queue__meta {
      grid-column: 1;
      color: ${tokenValue('color-muted')};
      font-size: 0.9em;
    }
    .queue__wait--long {
      color: ${token('queue-long-wait-color', 'color-danger')};
      font-weight: 600;
    }
    .queue__accept {
      grid-row: 1 / span 2;
      grid-column: 2;
    }
  `,
];
