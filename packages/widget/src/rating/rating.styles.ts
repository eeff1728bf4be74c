import { css } from 'lit';

import { baseStyles } from '../styles/shared.styles.js';
import { token, tokenValue } from '../styles/tokens.js';

export const ratingStyles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    .rating {
      display: flex;
      flex-direction: column;
      gap: 10px;
      padding: 12px 16px;
      border-block-start: 1px solid ${tokenValue('color-border')};
    }
    .rating__scores {
      display: flex;
      gap: 2px;
      margin: 0;
      padding: 0;
      border: 0;
    }
    .rating__legend {
      margin-block-end: 6px;
      padding: 0;
      font-weight: 600;
    }
    .rating__score {
      position: relative;
    }
    .rating__score input {
      position: absolute;
      opacity: 0;
      inset: 0;
      margin: 0;
    }
    .rating__star {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 40px;
      height: 40px;
      font-size: 28px;
      color: ${tokenValue('color-border')};
      cursor: pointer;
    }
    .rating__star--on {
      color: ${token('rating-star-color', 'color-accent')};
    }
    .rating__score input:focus-visible + .rating__star {
      outline: 3px solid ${tokenValue('color-focus')};
      border-radius: 4px;
    }
    .rating__choice {
      margin: 0;
      min-height: 1.4em;
      color: ${tokenValue('color-muted')};
    }
    .rating__comment {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .rating__comment textarea {
      min-height: 3.5em;
      padding: 6px 8px;
      font: inherit;
      color: inherit;
      border: 1px solid ${tokenValue('color-border')};
      border-radius: ${tokenValue('radius-small')};
      background: ${tokenValue('color-surface')};
    }
    .rating__submit {
      align-self: flex-start;
      min-height: 44px;
      padding: 0 16px;
      border: 0;
      border-radius: ${tokenValue('radius-small')};
      background: ${tokenValue('color-accent')};
      color: ${tokenValue('color-on-accent')};
      font-weight: 600;
    }
    .rating__error {
      margin: 0;
      color: ${tokenValue('color-danger')};
    }
    .rating__thanks {
      margin: 0;
      padding: 12px 16px;
      font-weight: 600;
    }
  `,
];
