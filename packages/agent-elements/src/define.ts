/**
 * Registers every agent element: `<parley-console>` and each element it is
 * made of (and the widget's message list and composer they use).
 *
 * @packageDocumentation
 */
import './console/define.js';
import './sign-in/define.js';
import './presence-switch/define.js';
import './visitor-list/define.js';
import './queue/define.js';
import './conversation-list/define.js';
import './conversation/define.js';
import './canned-picker/define.js';
import './reach-out/define.js';
import './transfer-form/define.js';
import './transfer-offers/define.js';
import './evaluation-form/define.js';
import './visitor-context/define.js';
import './auto-replies/define.js';
import './notification-settings/define.js';
import './offline-messages/define.js';

export * from './index.js';
