import { css } from 'lit';
import { token, tokenValue } from '@parley/widget/shared';
import { agentStyles } from '../styles/agent.styles.js';

export const transferFormStyles = [
  agentStyles,
  css`
    fieldset {
      border: 1px solid ${tokenValue('color-border')};
      border-radius: ${tokenValue('radius-small')};
      margin: 0;
      padding: ${tokenValue('spacing')};
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    legend {
      font-weight: 600;
      padding: 0 0.25rem;
    }
    .choice {
      display: flex;
      align-items: center;
      gap: 0.4rem;
    }
    .choice--unavailable {
      color: ${tokenValue('color-muted')};
    }
    .countdown {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    .countdown--low {
      color: ${token('transfer-urgent-color', 'color-danger')};
    }
  `,
];
