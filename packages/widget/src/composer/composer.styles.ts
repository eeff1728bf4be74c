import { css } from 'lit';

import { baseStyles } from '../styles/shared.styles.js';
import { token, tokenValue } from '../styles/tokens.js';

export const composerStyles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    .composer {
      position: relative;
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: ${tokenValue('spacing')};
      border-block-start: 1px solid ${tokenValue('color-border')};
      background: ${token('composer-background', 'color-surface')};
    }
    .composer--dragging {
      outline: 3px dashed ${tokenValue('color-accent')};
      outline-offset: -3px;
    }
    .composer__row {
      display: flex;
      align-items: flex-end;
      gap: 4px;
    }
    .composer__input {
      flex: 1;
      min-height: 2.5em;
      max-height: 8em;
      resize: none;
      padding: 8px 10px;
      font: inherit;
      color: inherit;
      background: ${tokenValue('color-surface')};
      border: 1px solid ${tokenValue('color-border')};
      border-radius: ${tokenValue('radius-small')};
    }
    .composer__tool,
    .composer__send {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      min-width: 44px;
      min-height: 44px;
      padding: 0 10px;
      border: 1px solid transparent;
      border-radius: ${tokenValue('radius-small')};
      background: transparent;
      color: inherit;
    }
    .composer__tool:hover {
      background: ${tokenValue('color-surface-alt')};
    }
    .composer__send {
      background: ${token('composer-send-background', 'color-accent')};
      color: ${token('composer-send-color', 'color-on-accent')};
      font-weight: 600;
    }
    .composer__send:disabled,
    .composer__input:disabled {
      opacity: 0.6;
      cursor: not-allowed;
    }
    .composer__emoji {
      display: grid;
      grid-template-columns: repeat(8, 1fr);
      gap: 2px;
      padding: 4px;
      border: 1px solid ${tokenValue('color-border')};
      border-radius: ${tokenValue('radius-small')};
      background: ${tokenValue('color-surface')};
    }
    .composer__emoji button {
      min-height: 36px;
      border: 0;
      border-radius: 4px;
      background: transparent;
      font-size: 1.25em;
    }
    .composer__emoji button:hover {
      background: ${tokenValue('color-surface-alt')};
    }
    .composer__drop {
      margin: 0;
      font-size: 0.85em;
      color: ${tokenValue('color-muted')};
      text-align: center;
    }
  `,
];
