import { css } from 'lit';

import { baseStyles } from '../styles/shared.styles.js';
import { token, tokenValue } from '../styles/tokens.js';

export const queueStatusStyles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    .queue {
      display: flex;
      align-items: center;
      gap: 10px;
      margin: 0;
      padding: 10px 16px;
      background: ${token('queue-status-background', 'color-surface-alt')};
      color: ${token('queue-status-color', 'color-on-surface')};
    }
    .queue__position {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      min-width: 2em;
      height: 2em;
      border-radius: 999px;
      background: ${tokenValue('color-accent')};
      color: ${tokenValue('color-on-accent')};
      font-weight: 700;
    }
  `,
];
