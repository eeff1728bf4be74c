import { css } from 'lit';
import { baseStyles, token, tokenValue } from '@parley/widget/shared';

export const visitorListStyles = [
  baseStyles,
  css`
    :host {
      display: block;
      block-size: var(--parley-visitor-list-height, 100%);
      min-block-size: 12rem;
      --_row-height: var(--parley-visitor-list-row-height, 2.25rem);
    }
    .visitor-list {
      display: flex;
      flex-direction: column;
      block-size: 100%;
      background: ${token('visitor-list-background', 'color-surface')};
      border: 1px solid ${token('visitor-list-border-color', 'color-border')};
      border-radius: ${tokenValue('radius-small')};
      overflow: hidden;
    }
    .visitor-list__toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${tokenValue('spacing')};
      padding: ${tokenValue('spacing')};
      border-block-end: 1px solid ${token('visitor-list-border-color', 'color-border')};
    }
    .visitor-list__search {
      flex: 1 1 12rem;
      min-inline-size: 8rem;
      font: inherit;
      padding: 0.3rem 0.5rem;
      border: 1px solid ${tokenValue('color-border')};
      border-radius: ${tokenValue('radius-small')};
      background: ${tokenValue('color-surface')};
      color: inherit;
    }
    .visitor-list__toggle {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      white-space: nowrap;
    }
    .visitor-list__count {
      color: ${tokenValue('color-muted')};
      white-space: nowrap;
    }
    .visitor-list__columns-button {
      border: 1px solid ${tokenValue('color-border')};
      border-radius: ${tokenValue('radius-small')};
      background: ${tokenValue('color-surface-alt')};
      color: inherit;
      padding: 0.25rem 0.6rem;
    }
    .visitor-list__columns {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0;
      padding: ${tokenValue('spacing')};
      border: 0;
      border-block-end: 1px solid ${token('visitor-list-border-color', 'color-border')};
    }
    .visitor-list__columns legend {
      float: inline-start;
      font-weight: 600;
      margin-inline-end: 1rem;
    }
    .visitor-list__scroller {
      position: relative;
      flex: 1 1 auto;
      overflow: auto;
      overscroll-behavior: contain;
      contain: strict;
    }
    .visitor-list__head {
      position: sticky;
      inset-block-start: 0;
      z-index: 1;
      background: ${token('visitor-list-header-background', 'color-surface-alt')};
    }
    .visitor-list__body {
      position: relative;
    }
    .row {
      display: grid;
      grid-template-columns: var(--_columns);
      block-size: var(--_row-height);
      align-items: center;
      inline-size: 100%;
    }
    .visitor-list__body .row {
      position: absolute;
      inset-inline-start: 0;
      inset-block-start: 0;
      border-block-end: 1px solid ${token('visitor-list-divider-color', 'color-surface-alt')};
      cursor: default;
      contain: layout style;
    }
    .row--selected {
      background: ${token('visitor-list-selected-background', 'color-surface-alt')};
      box-shadow: inset 3px 0 0 ${tokenValue('color-accent')};
    }
    .visitor-list__scroller:focus-visible {
      outline: none;
    }
    .visitor-list__scroller:focus-visible .row--selected {
      outline: 3px solid ${tokenValue('color-focus')};
      outline-offset: -3px;
    }
    .cell,
    .head-cell {
      padding: 0 0.5rem;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      min-inline-size: 0;
    }
    .head-cell button {
      all: unset;
      box-sizing: border-box;
      inline-size: 100%;
      padding: 0.4rem 0;
      font-weight: 600;
      cursor: pointer;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .head-cell button:focus-visible {
      outline: 3px solid ${tokenValue('color-focus')};
      outline-offset: -3px;
    }
    .status {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
    }
    .status::before {
      content: '';
      inline-size: 0.6rem;
      block-size: 0.6rem;
      border-radius: 50%;
      background: ${tokenValue('color-muted')};
      flex: none;
    }
    .status--waiting::before {
      background: ${token('visitor-list-waiting-color', 'color-danger')};
    }
    .status--chatting::before {
      background: ${token('visitor-list-chatting-color', 'color-success')};
    }
    .status--browsing::before {
      background: ${tokenValue('color-accent')};
    }
    .status--departed {
      color: ${tokenValue('color-muted')};
    }
    .status--departed::before {
      background: transparent;
      border: 1px solid ${tokenValue('color-muted')};
    }
    .row--departed .cell {
      color: ${tokenValue('color-muted')};
    }
    .unverified {
      color: ${tokenValue('color-muted')};
      font-size: 0.85em;
    }
    .visitor-list__empty {
      padding: 1rem;
      color: ${tokenValue('color-muted')};
    }
  `,
];
