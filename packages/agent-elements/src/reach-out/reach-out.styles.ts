import { css } from 'lit';
import { agentStyles } from '../styles/agent.styles.js';

export const reachOutStyles = [
  agentStyles,
  css`
    form {
      display: flex;
      flex-direction: column;
      gap: 0.4rem;
    }
    .reach-out__url {
      flex: 1 1 14rem;
    }
  `,
];
