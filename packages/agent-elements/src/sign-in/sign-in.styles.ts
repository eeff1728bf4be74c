import { css } from 'lit';
import { token, tokenValue } from '@parley/widget/shared';
import { agentStyles } from '../styles/agent.styles.js';

export const signInStyles = [
  agentStyles,
  css`
    :host {
      max-inline-size: var(--parley-sign-in-width, 24rem);
    }
    form {
      border: 1px solid ${token('sign-in-border-color', 'color-border')};
      border-radius: ${tokenValue('radius')};
      padding: calc(${tokenValue('spacing')} * 2);
    }
    .sign-in__title {
      font-size: 1.25em;
    }
  `,
];
