import { css } from 'lit';
import { token, tokenValue } from '@parley/widget/shared';
import { agentStyles } from '../styles/agent.styles.js';

export const cannedPickerStyles = [
  agentStyles,
  css`
    .canned {
      border: 1px solid ${token('canned-picker-border-color', 'color-border')};
      border-radius: ${tokenValue('radius-small')};
      background: ${token('canned-picker-background', 'color-surface')};
    }
    .canned__results {
      max-block-size: var(--parley-canned-picker-height, 14rem);
      overflow: auto;
    }
    .canned__option {
      padding: 0.35rem 0.5rem;
      cursor: pointer;
      display: flex;
      flex-direction: column;
    }
    .canned__option[aria-selected='true'] {
      background: ${tokenValue('color-surface-alt')};
      box-shadow: inset 3px 0 0 ${tokenValue('color-accent')};
    }
    .canned__title {
      font-weight: 600;
    }
    .canned__text {
      color: ${tokenValue('color-muted')};
      font-size: 0.9em;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .canned__kind {
      font-size: 0.8em;
      color: ${tokenValue('color-muted')};
    }
  `,
];
