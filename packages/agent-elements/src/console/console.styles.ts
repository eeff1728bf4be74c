import { css } from 'lit';
import { token, tokenValue } from '@parley/widget/shared';
import { agentStyles } from '../styles/agent.styles.js';

export const consoleStyles = [
  agentStyles,
  css`
    :host {
      display: block;
      block-size: var(--parley-console-height, 100vh);
      background: ${token('console-background', 'color-surface-alt')};
    }
    .console {
      display: flex;
      flex-direction: column;
      block-size: 100%;
    }
    .console--signed-out {
      align-items: center;
      justify-content: center;
    }
    .console__header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(${tokenValue('spacing')} * 2);
      padding: ${tokenValue('spacing')} calc(${tokenValue('spacing')} * 2);
      background: ${token('console-header-background', 'color-surface')};
      border-block-end: 1px solid ${tokenValue('color-border')};
    }
    .console__name {
      font-weight: 600;
    }
    .console__nav {
      display: flex;
      gap: 0.25rem;
      margin-inline-start: auto;
    }
    .console__nav button[aria-current='page'] {
      background: ${tokenValue('color-accent')};
      border-color: ${tokenValue('color-accent')};
      color: ${tokenValue('color-on-accent')};
    }
    .console__body {
      flex: 1 1 auto;
      min-block-size: 0;
      display: grid;
      gap: ${tokenValue('spacing')};
      padding: ${tokenValue('spacing')};
    }
    .console__body--chats {
      grid-template-columns: minmax(14rem, 18rem) minmax(20rem, 1fr) minmax(14rem, 22rem);
    }
    .console__body--visitors {
      grid-template-columns: minmax(24rem, 1fr) minmax(14rem, 22rem);
    }
    .console__body--settings {
      grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr));
      align-content: start;
      overflow: auto;
    }
    .console__body--offline {
      grid-template-columns: minmax(0, 60rem);
    }
    .console__body--offline .console__main {
      overflow: auto;
    }
    .console__column {
      min-block-size: 0;
      overflow: auto;
      display: flex;
      flex-direction: column;
      gap: ${tokenValue('spacing')};
      background: ${tokenValue('color-surface')};
      border-radius: ${tokenValue('radius-small')};
    }
    .console__main {
      overflow: hidden;
    }
    @media (max-width: 60rem) {
      .console__body--chats,
      .console__body--visitors {
        grid-template-columns: 1fr;
        overflow: auto;
      }
    }
  `,
];
