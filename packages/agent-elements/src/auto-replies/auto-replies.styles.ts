import { css } from 'lit';
import { tokenValue } from '@parley/widget/shared';
import { agentStyles } from '../styles/agent.styles.js';

export const autoRepliesStyles = [
  agentStyles,
  css`
    fieldset {
      border: 1px solid ${tokenValue('color-border')};
      border-radius: ${tokenValue('radius-small')};
      margin: 0;
      display: flex;
      flex-direction: column;
      gap: 0.4rem;
    }
    legend {
      font-weight: 600;
    }
    input[type='number'] {
      inline-size: 7rem;
    }
  `,
];
