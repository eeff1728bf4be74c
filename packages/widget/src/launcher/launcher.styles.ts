import { css } from 'lit';

import { baseStyles } from '../styles/shared.styles.js';
import { token, tokenValue } from '../styles/tokens.js';

export const launcherStyles = [
  baseStyles,
  css`
    :host {
      display: inline-block;
    }
    .launcher {
      position: relative;
      display: inline-flex;
      align-items: center;
      gap: 8px;
      min-height: 48px;
      padding: 0 18px;
      border: 0;
      border-radius: 999px;
      background: ${token('launcher-background', 'color-accent')};
      color: ${token('launcher-color', 'color-on-accent')};
      box-shadow: ${tokenValue('shadow')};
      font-weight: 600;
      transition: transform 0.15s ease;
    }
    .launcher:hover {
      transform: translateY(-1px);
    }
    .launcher--fixed {
      border-radius: ${tokenValue('radius')} ${tokenValue('radius')} 0 0;
      box-shadow: none;
    }
    .launcher--link {
      min-height: 0;
      padding: 0;
      border-radius: 0;
      background: none;
      color: inherit;
      box-shadow: none;
      font-weight: inherit;
      text-decoration: underline;
    }
    .launcher__icon {
      width: 22px;
      height: 22px;
      flex: none;
      fill: currentColor;
      object-fit: contain;
    }
    .launcher--link .launcher__icon {
      display: none;
    }
    .launcher__status {
      width: 10px;
      height: 10px;
      flex: none;
      border-radius: 50%;
      border: 2px solid currentColor;
    }
    .launcher__status--online {
      background: ${token('launcher-online-color', 'color-success')};
    }
    .launcher__status--busy {
      background: #b45309;
    }
    .launcher__status--offline {
      background: transparent;
    }
    .launcher__badge {
      min-width: 22px;
      padding: 0 6px;
      border-radius: 999px;
      background: ${tokenValue('color-danger')};
      color: #fff;
      font-size: 0.8em;
      line-height: 22px;
      text-align: center;
    }
  `,
];
