import { css } from 'lit';

import { baseStyles } from '../styles/shared.styles.js';
import { token, tokenValue } from '../styles/tokens.js';

export const invitationStyles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    .invitation {
      width: min(320px, calc(100vw - 32px));
      padding: 14px 16px;
      border-radius: ${tokenValue('radius')};
      border: 1px solid ${tokenValue('color-border')};
      background: ${token('invitation-background', 'color-surface')};
      color: ${token('invitation-color', 'color-on-surface')};
      box-shadow: ${tokenValue('shadow')};
      animation: parley-rise 0.2s ease-out;
    }
    .invitation__title {
      margin: 0 0 4px;
      font-size: 0.85em;
      color: ${tokenValue('color-muted')};
    }
    .invitation__message {
      margin: 0 0 12px;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .invitation__actions {
      display: flex;
      gap: 8px;
      justify-content: flex-end;
    }
    .invitation__actions button {
      min-height: 40px;
      padding: 0 14px;
      border-radius: ${tokenValue('radius-small')};
      border: 1px solid ${tokenValue('color-border')};
      background: transparent;
      color: inherit;
    }
    .invitation__actions .invitation__accept {
      border-color: transparent;
      background: ${tokenValue('color-accent')};
      color: ${tokenValue('color-on-accent')};
      font-weight: 600;
    }
    @keyframes parley-rise {
      from {
        opacity: 0;
        transform: translateY(8px);
      }
    }
  `,
];
