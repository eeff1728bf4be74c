import { css } from 'lit';

import { baseStyles } from '../styles/shared.styles.js';
import { token, tokenValue } from '../styles/tokens.js';

export const chatWindowStyles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    .window {
      display: flex;
      flex-direction: column;
      width: 100%;
      height: 100%;
      overflow: hidden;
      border-radius: ${token('chat-window-radius', 'radius')};
      background: ${token('chat-window-background', 'color-surface')};
      box-shadow: ${tokenValue('shadow')};
      animation: parley-open 0.18s ease-out;
    }
    @media (max-width: 480px) {
      .window {
        border-radius: 0;
      }
    }
    @keyframes parley-open {
      from {
        opacity: 0;
        transform: translateY(12px);
      }
    }
    .window__header {
      display: flex;
      align-items: center;
      gap: 10px;
      padding: 10px 12px;
      background: ${token('chat-window-header-background', 'color-accent')};
      color: ${token('chat-window-header-color', 'color-on-accent')};
    }
    .window__header-image {
      width: 36px;
      height: 36px;
      border-radius: 50%;
      object-fit: cover;
    }
    .window__heading {
      flex: 1;
      min-width: 0;
    }
    .window__title {
      margin: 0;
      font-size: 1.05em;
    }
    .window__subtitle {
      margin: 0;
      font-size: 0.85em;
      opacity: 0.95;
    }
    .window__action {
      min-width: 44px;
      min-height: 44px;
      padding: 0 10px;
      border: 1px solid transparent;
      border-radius: ${tokenValue('radius-small')};
      background: transparent;
      color: inherit;
    }
    .window__action:hover {
      border-color: currentColor;
    }
    .window__banner {
      margin: 0;
      padding: 6px 12px;
      background: #fef3c7;
      color: #78350f;
      font-size: 0.9em;
    }
    .window__body {
      position: relative;
      display: flex;
      flex: 1;
      flex-direction: column;
      min-height: 0;
      overflow-y: auto;
    }
    .window__body > parley-message-list {
      flex: 1;
    }
    .window__done,
    .window__ended {
      margin: 0;
      padding: 12px 16px;
    }
    .window__ended p {
      margin: 0 0 8px;
      color: ${tokenValue('color-muted')};
    }
    .window__link {
      padding: 0;
      border: 0;
      background: none;
      color: ${tokenValue('color-accent')};
      text-decoration: underline;
    }
    .window__notice {
      margin: 0;
      font-size: 0.85em;
      color: ${tokenValue('color-muted')};
    }
    .window__problem {
      margin: 0;
      color: ${tokenValue('color-danger')};
      font-size: 0.9em;
    }
    .window__uploads {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin: 0;
      padding: 0;
      list-style: none;
      font-size: 0.85em;
    }
    .window__upload {
      display: flex;
      align-items: center;
      gap: 6px;
    }
    .window__upload progress {
      flex: 1;
    }
    .window__upload--error {
      color: ${tokenValue('color-danger')};
    }
    .window__small-button {
      min-height: 32px;
      padding: 0 8px;
      border: 1px solid ${tokenValue('color-border')};
      border-radius: ${tokenValue('radius-small')};
      background: ${tokenValue('color-surface')};
      color: ${tokenValue('color-on-surface')};
    }
    .window__screenshot {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding: 12px;
      border-block-start: 1px solid ${tokenValue('color-border')};
      background: ${tokenValue('color-surface-alt')};
    }
    .window__screenshot img {
      max-width: 100%;
      max-height: 200px;
      object-fit: contain;
      border: 1px solid ${tokenValue('color-border')};
    }
    .window__screenshot-actions {
      display: flex;
      gap: 8px;
    }
    .window__primary {
      min-height: 40px;
      padding: 0 14px;
      border: 0;
      border-radius: ${tokenValue('radius-small')};
      background: ${tokenValue('color-accent')};
      color: ${tokenValue('color-on-accent')};
      font-weight: 600;
    }
    .composer-tool {
      min-width: 44px;
      min-height: 44px;
      border: 0;
      border-radius: ${tokenValue('radius-small')};
      background: transparent;
      color: inherit;
    }
  `,
];
