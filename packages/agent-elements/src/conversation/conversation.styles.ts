import { css } from 'lit';
import { token, tokenValue } from '@parley/widget/shared';
import { agentStyles } from '../styles/agent.styles.js';

export const conversationStyles = [
  agentStyles,
  css`
    :host {
      display: block;
      block-size: 100%;
    }
    .conversation {
      display: flex;
      flex-direction: column;
      block-size: 100%;
      min-block-size: 20rem;
      background: ${token('conversation-background', 'color-surface')};
    }
    .conversation__header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: ${tokenValue('spacing')};
      padding: ${tokenValue('spacing')};
      border-block-end: 1px solid ${tokenValue('color-surface-alt')};
    }
    .conversation__title {
      margin: 0;
      font-size: 1.1em;
    }
    .conversation__messages {
      flex: 1 1 auto;
      min-block-size: 8rem;
      display: flex;
      flex-direction: column;
    }
    .conversation__messages parley-message-list {
      flex: 1 1 auto;
      min-block-size: 0;
    }
    .typing-preview {
      margin: 0 ${tokenValue('spacing')};
      padding: 0.4rem 0.6rem;
      border: 1px dashed ${token('conversation-preview-border-color', 'color-border')};
      border-radius: ${tokenValue('radius-small')};
      background: ${token('conversation-preview-background', 'color-surface-alt')};
      color: ${tokenValue('color-muted')};
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      max-block-size: 6rem;
      overflow: auto;
    }
    .typing-preview__label {
      font-weight: 600;
      font-size: 0.85em;
      display: block;
    }
    .typing-preview__draft {
      color: ${tokenValue('color-on-surface')};
      font-style: italic;
    }
    .conversation__tool {
      border-block-start: 1px solid ${tokenValue('color-surface-alt')};
      max-block-size: 50%;
      overflow: auto;
    }
    .conversation__uploads {
      margin: 0 ${tokenValue('spacing')};
    }
  `,
];
