import { css } from 'lit';

import { baseStyles } from '../styles/shared.styles.js';
import { tokenValue } from '../styles/tokens.js';

/** The launcher's, the invitation's and the loading note's places; the window's comes with it (`chat-window-slot.styles.ts`). */
export const chatStyles = [
  baseStyles,
  css`
    :host {
      display: contents;
    }
    .chat__launcher--floating,
    .chat__launcher--fixed,
    .chat__invitation,
    .chat__loading {
      position: fixed;
      z-index: ${tokenValue('z-index')};
      inset-inline-end: var(--parley-chat-offset, 20px);
      bottom: var(--parley-chat-offset, 20px);
    }
    .chat--bottom-start .chat__launcher--floating,
    .chat--bottom-start .chat__launcher--fixed,
    .chat--bottom-start .chat__invitation,
    .chat--bottom-start .chat__loading {
      inset-inline-end: auto;
      inset-inline-start: var(--parley-chat-offset, 20px);
    }
    .chat__launcher--fixed {
      bottom: 0;
    }
    .chat__invitation,
    .chat__loading {
      bottom: calc(var(--parley-chat-offset, 20px) + 64px);
    }
    .chat__loading {
      margin: 0;
      padding: 8px 14px;
      border-radius: ${tokenValue('radius')};
      background: ${tokenValue('color-surface')};
      box-shadow: ${tokenValue('shadow')};
    }
  `,
];
