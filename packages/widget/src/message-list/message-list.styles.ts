import { css } from 'lit';

import { baseStyles } from '../styles/shared.styles.js';
import { token, tokenValue } from '../styles/tokens.js';

export const messageListStyles = [
  baseStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
    }
    .message-list {
      display: flex;
      flex: 1;
      flex-direction: column;
      min-height: 0;
      background: ${token('message-list-background', 'color-surface')};
    }
    .message-list__scroller {
      flex: 1;
      min-height: 0;
      overflow-y: auto;
      overscroll-behavior: contain;
      padding: calc(${tokenValue('spacing')} * 1.5);
    }
    .message-list__items {
      display: flex;
      flex-direction: column;
      gap: ${tokenValue('spacing')};
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .message-list__earlier {
      align-self: center;
      margin-block-end: ${tokenValue('spacing')};
      padding: 4px 12px;
      border: 1px solid ${tokenValue('color-border')};
      border-radius: 999px;
      background: transparent;
      color: inherit;
    }
    .message-list__empty {
      color: ${tokenValue('color-muted')};
      text-align: center;
      margin: 0;
    }
    .message {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      max-width: 85%;
    }
    .message--own {
      align-self: flex-end;
      align-items: flex-end;
    }
    .message--system {
      align-self: center;
      align-items: center;
      max-width: 95%;
    }
    .message__author {
      font-size: 0.8em;
      color: ${tokenValue('color-muted')};
      margin-block-end: 2px;
    }
    .message__bubble {
      padding: 8px 12px;
      border-radius: ${token('message-list-bubble-radius', 'radius')};
      background: ${token('message-list-other-background', 'color-surface-alt')};
      color: ${token('message-list-other-color', 'color-on-surface')};
      overflow-wrap: anywhere;
      white-space: pre-wrap;
    }
    .message--own .message__bubble {
      background: ${token('message-list-own-background', 'color-accent')};
      color: ${token('message-list-own-color', 'color-on-accent')};
    }
    .message--system .message__bubble {
      background: transparent;
      color: ${tokenValue('color-muted')};
      font-size: 0.9em;
      text-align: center;
      padding: 2px 8px;
    }
    .message--failed .message__bubble {
      outline: 2px solid ${tokenValue('color-danger')};
    }
    .message__bubble a {
      color: inherit;
      text-decoration: underline;
    }
    .message__attachments {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin-block-start: 4px;
      white-space: normal;
    }
    .message__image {
      display: block;
      max-width: min(240px, 100%);
      max-height: 240px;
      border-radius: ${tokenValue('radius-small')};
      object-fit: contain;
      background: ${tokenValue('color-surface')};
    }
    .message__meta {
      display: flex;
      gap: 6px;
      font-size: 0.75em;
      color: ${tokenValue('color-muted')};
      margin-block-start: 2px;
    }
    .message__delivery--failed {
      color: ${tokenValue('color-danger')};
      font-weight: 600;
    }
    .message-list__typing {
      margin: 0;
      padding: 0 calc(${tokenValue('spacing')} * 1.5) ${tokenValue('spacing')};
      font-size: 0.85em;
      color: ${tokenValue('color-muted')};
      font-style: italic;
    }
  `,
];
