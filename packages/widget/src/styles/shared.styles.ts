import { css } from 'lit';

import { tokenValue } from './tokens.js';

/**
 * What every element's styles start with: the host's font and colours from the
 * tokens, `[hidden]` honoured, a visible focus ring, a visually-hidden helper
 * for screen-reader text, and no motion when the visitor asks for less.
 */
export const baseStyles = css`
  :host {
    box-sizing: border-box;
    font-family: ${tokenValue('font-family')};
    font-size: ${tokenValue('font-size')};
    line-height: ${tokenValue('line-height')};
    color: ${tokenValue('color-on-surface')};
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid ${tokenValue('color-focus')};
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;
