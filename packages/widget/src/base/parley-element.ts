import { LitElement } from 'lit';

import { WIDGET_WARNINGS, warnOnce } from '../internal/dev-warning.js';
import type { EmitOptions, ParleyEventDetail, ParleyEventName } from './events.js';

/**
 * The thin base of every Parley element (the widget's and the agent console's):
 * a typed {@link ParleyElement.emit}, a {@link ParleyElement.define} that warns
 * rather than throws when a tag is taken, and {@link ParleyElement.dependencies}
 * to register the child elements an element renders.
 *
 * ```ts
 * export class AgentConversation extends ParleyElement {
 *   static override dependencies = { 'parley-message-list': MessageList, 'parley-composer': Composer };
 * }
 * AgentConversation.define('parley-agent-conversation'); // in its registering file
 * ```
 */
export class ParleyElement extends LitElement {
  /** Elements this one renders, by tag; {@link define} registers them first. */
  static dependencies: Readonly<Record<string, typeof ParleyElement>> = {};

  /**
   * Registers the element (and its {@link dependencies}) under `name`. A tag
   * already defined is left alone: silently when it is this very class (two
   * bundles, or a second call), with a dev warning when it is another class.
   */
  static define(name: string, options?: ElementDefinitionOptions): void {
    for (const [tag, dependency] of Object.entries(this.dependencies)) dependency.define(tag);
    const existing = customElements.get(name);
    if (existing) {
      if (existing !== this && !(existing.prototype instanceof this)) {
        warnOnce(WIDGET_WARNINGS.duplicateTag, `<${name}> is already defined by another class; keeping it.`, name);
      }
      return;
    }
    // A subclass, so one class can be registered under several names.
    customElements.define(name, class extends this {}, options);
  }

  /**
   * Dispatches a `parley-*` event that bubbles and crosses shadow roots, and
   * returns it, so a `*-request` caller can honour `defaultPrevented`.
   */
  emit<K extends ParleyEventName>(name: K, detail: ParleyEventDetail<K>, options: EmitOptions = {}): CustomEvent<ParleyEventDetail<K>> {
    const event = new CustomEvent(name, { bubbles: true, composed: true, cancelable: options.cancelable ?? false, detail });
    this.dispatchEvent(event);
    return event;
  }
}
