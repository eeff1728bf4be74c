import { css } from 'lit';
import { tokenValue } from '@parley/widget/shared';
import { agentStyles } from '../styles/agent.styles.js';

export const notificationSettingsStyles = [
  agentStyles,
  css`
    table {
      border-collapse: collapse;
    }
    th,
    td {
      padding: 0.3rem 0.6rem;
      text-align: start;
      border-block-end: 1px solid ${tokenValue('color-surface-alt')};
    }
    td {
      text-align: center;
    }
  `,
];
