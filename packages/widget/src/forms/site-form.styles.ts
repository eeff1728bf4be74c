import { css } from 'lit';

import { baseStyles } from '../styles/shared.styles.js';
import { token, tokenValue } from '../styles/tokens.js';

export const siteFormStyles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    .form {
      display: flex;
      flex-direction: column;
      gap: 12px;
      padding: 16px;
    }
    .form__title {
      margin: 0;
      font-size: 1.1em;
    }
    .form__intro,
    .form__note {
      margin: 0;
      color: ${tokenValue('color-muted')};
    }
    .form__note {
      color: ${tokenValue('color-on-surface')};
      padding: 8px 10px;
      border-inline-start: 4px solid ${tokenValue('color-accent')};
      background: ${tokenValue('color-surface-alt')};
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .field__label {
      font-weight: 600;
    }
    .field__input {
      padding: 8px 10px;
      font: inherit;
      color: inherit;
      background: ${tokenValue('color-surface')};
      border: 1px solid ${tokenValue('color-border')};
      border-radius: ${tokenValue('radius-small')};
    }
    .field__input[aria-invalid='true'] {
      border-color: ${tokenValue('color-danger')};
      border-width: 2px;
    }
    textarea.field__input {
      min-height: 5em;
      resize: vertical;
    }
    .field__error,
    .form__error {
      margin: 0;
      color: ${tokenValue('color-danger')};
      font-size: 0.9em;
    }
    .form__submit {
      align-self: flex-start;
      min-height: 44px;
      padding: 0 18px;
      border: 0;
      border-radius: ${tokenValue('radius-small')};
      background: ${token('form-submit-background', 'color-accent')};
      color: ${token('form-submit-color', 'color-on-accent')};
      font-weight: 600;
    }
    .form__submit[aria-disabled='true'] {
      opacity: 0.7;
      cursor: progress;
    }
  `,
];
