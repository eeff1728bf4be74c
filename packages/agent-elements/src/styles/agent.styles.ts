/**
 * What the agent elements share on top of the widget's base styles: panels,
 * headings, form fields, buttons and notices, all from the `--parley-*` tokens.
 * Classes are BEM-like and internal; the public styling API is parts and
 * custom properties.
 */
import { css } from 'lit';
import { baseStyles, tokenValue } from '@parley/widget/shared';

export const agentStyles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    .panel {
      display: flex;
      flex-direction: column;
      gap: ${tokenValue('spacing')};
      padding: ${tokenValue('spacing')};
      background: ${tokenValue('color-surface')};
    }
    .heading {
      margin: 0;
      font-size: 1em;
      font-weight: 600;
    }
    .muted {
      color: ${tokenValue('color-muted')};
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
    }
    .field--inline {
      flex-direction: row;
      align-items: center;
      gap: 0.4rem;
    }
    .field label,
    .label {
      font-weight: 600;
      font-size: 0.9em;
    }
    input:not([type='checkbox']):not([type='radio']),
    select,
    textarea {
      font: inherit;
      color: inherit;
      background: ${tokenValue('color-surface')};
      border: 1px solid ${tokenValue('color-border')};
      border-radius: ${tokenValue('radius-small')};
      padding: 0.35rem 0.5rem;
    }
    textarea {
      resize: vertical;
      min-block-size: 4rem;
    }
    .button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 0.3rem;
      padding: 0.35rem 0.75rem;
      border: 1px solid ${tokenValue('color-border')};
      border-radius: ${tokenValue('radius-small')};
      background: ${tokenValue('color-surface-alt')};
      color: ${tokenValue('color-on-surface')};
      white-space: nowrap;
    }
    .button--primary {
      background: ${tokenValue('color-accent')};
      border-color: ${tokenValue('color-accent')};
      color: ${tokenValue('color-on-accent')};
    }
    .button--danger {
      color: ${tokenValue('color-danger')};
    }
    .button:disabled {
      opacity: 0.6;
      cursor: not-allowed;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${tokenValue('spacing')};
    }
    .error {
      color: ${tokenValue('color-danger')};
      margin: 0;
    }
    .success {
      color: ${tokenValue('color-success')};
      margin: 0;
    }
    .badge {
      display: inline-block;
      min-inline-size: 1.4em;
      padding: 0 0.4em;
      border-radius: 999px;
      background: ${tokenValue('color-danger')};
      color: #fff;
      font-size: 0.8em;
      font-weight: 600;
      text-align: center;
    }
  `,
];
