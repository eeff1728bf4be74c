import { css } from 'lit';
import { token, tokenValue } from '@parley/widget/shared';
import { agentStyles } from '../styles/agent.styles.js';

export const visitorContextStyles = [
  agentStyles,
  css`
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.15rem 0.75rem;
      margin: 0;
    }
    .facts dt {
      color: ${tokenValue('color-muted')};
    }
    .facts dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .timeline {
      list-style: none;
      margin: 0;
      padding: 0;
      border-inline-start: 2px solid ${token('visitor-context-timeline-color', 'color-border')};
    }
    .timeline__item {
      position: relative;
      padding: 0 0 0.6rem 0.9rem;
    }
    .timeline__item::before {
      content: '';
      position: absolute;
      inset-inline-start: -0.4rem;
      inset-block-start: 0.35rem;
      inline-size: 0.6rem;
      block-size: 0.6rem;
      border-radius: 50%;
      background: ${token('visitor-context-timeline-color', 'color-border')};
    }
    .timeline__item--current::before {
      background: ${tokenValue('color-accent')};
    }
    .timeline__title {
      display: block;
      overflow-wrap: anywhere;
    }
    .timeline__meta {
      color: ${tokenValue('color-muted')};
      font-size: 0.9em;
    }
    .card__row {
      display: grid;
      grid-template-columns: minmax(6rem, 1fr) minmax(8rem, 2fr) auto;
      gap: 0.4rem;
      align-items: center;
    }
    .sessions__item {
      padding: 0.3rem 0;
      border-block-end: 1px solid ${tokenValue('color-surface-alt')};
    }
    section + section {
      border-block-start: 1px solid ${tokenValue('color-surface-alt')};
    }
  `,
];
