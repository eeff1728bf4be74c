import { css } from 'lit';
import { token, tokenValue } from '@parley/widget/shared';
import { agentStyles } from '../styles/agent.styles.js';

export const transferOffersStyles = [
  agentStyles,
  css`
    .countdown {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    .countdown--low {
      color: ${token('transfer-urgent-color', 'color-danger')};
    }
    .offer {
      border: 1px solid ${token('transfer-offer-border-color', 'color-accent')};
      border-radius: ${tokenValue('radius-small')};
      padding: ${tokenValue('spacing')};
      display: flex;
      flex-direction: column;
      gap: ${tokenValue('spacing')};
      background: ${token('transfer-offer-background', 'color-surface')};
    }
    .offer parley-message-list {
      block-size: var(--parley-transfer-history-height, 12rem);
    }
    .note {
      margin: 0;
      font-style: italic;
    }
  `,
];
