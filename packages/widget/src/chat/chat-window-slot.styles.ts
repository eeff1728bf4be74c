import { css } from 'lit';

import { tokenValue } from '../styles/tokens.js';

/**
 * Where `<parley-chat>` places its window: in the rest-of-widget chunk with the
 * window, so what every visitor downloads first does not carry it.
 * `<parley-chat>` adopts it beside its own styles once that chunk is loaded.
 */
export const chatWindowSlotStyles = css`
  .chat__window {
    position: fixed;
    z-index: ${tokenValue('z-index')};
    inset-inline-end: var(--parley-chat-offset, 20px);
    bottom: calc(var(--parley-chat-offset, 20px) + 64px);
    width: var(--parley-chat-window-width, 370px);
    height: min(var(--parley-chat-window-height, 600px), calc(100vh - 110px));
  }
  .chat--bottom-start .chat__window {
    inset-inline-end: auto;
    inset-inline-start: var(--parley-chat-offset, 20px);
  }
  .chat--no-launcher .chat__window {
    bottom: var(--parley-chat-offset, 20px);
    height: min(var(--parley-chat-window-height, 600px), calc(100vh - 40px));
  }
  /* Narrow screens: the window takes the whole screen. */
  @media (max-width: 480px) {
    .chat .chat__window {
      inset: 0;
      width: 100%;
      height: 100%;
    }
  }
`;
