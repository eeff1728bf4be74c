/**
 * `@parley/widget/embed`, and the script-tag bundle `dist/cdn/parley.js`: on
 * load, registers `<parley-chat>` and boots it from the `<script>` tag's
 * `data-*` attributes and the `window.parley(...)` command queue. Only the
 * launcher's part is in this first chunk; the window and the rest of the
 * visitor's language load when the chat is opened or the page is idle.
 * i18next is not in the bundle: a site that uses it hands its own instance
 * over with `parley('i18next', i18n)`.
 *
 * ```html
 * <script type="module" src="https://chat.example.com/widget/parley.js" data-site="site_1"></script>
 * ```
 *
 * @packageDocumentation
 */
import { ParleyChat } from './chat/chat.js';
import { boot, findScript } from './embed/boot.js';

ParleyChat.define('parley-chat');
boot(findScript(import.meta.url));

export { ParleyChat };
export { runCommand, type ParleyCommand, type ParleyCommands, type ParleyFunction } from './embed/command-queue.js';
