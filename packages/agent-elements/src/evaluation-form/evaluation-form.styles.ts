import { css } from 'lit';
import { agentStyles } from '../styles/agent.styles.js';

export const evaluationFormStyles = [
  agentStyles,
  css`
    .evaluation__grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
      gap: 0.5rem;
    }
  `,
];
