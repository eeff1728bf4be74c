import { css } from 'lit';
import { token, tokenValue } from '@parley/widget/shared';
import { agentStyles } from '../styles/agent.styles.js';

export const presenceSwitchStyles = [
  agentStyles,
  css`
    :host {
      display: inline-block;
    }
    .presence {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
    }
    .presence__dot {
      inline-size: 0.7rem;
      block-size: 0.7rem;
      border-radius: 50%;
      background: ${tokenValue('color-muted')};
    }
    .presence__dot--online {
      background: ${token('presence-online-color', 'color-success')};
    }
    .presence__dot--busy {
      background: ${token('presence-busy-color', 'color-danger')};
    }
    .presence__dot--away {
      background: ${token('presence-away-color', 'color-muted')};
    }
    .presence__dot--invisible {
      background: transparent;
      border: 2px dashed ${tokenValue('color-muted')};
    }
  `,
];
