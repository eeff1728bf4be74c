// Builds every package: each one's rollup.config.mjs lists its outputs through
// the shared factory in scripts/rollup/library.mjs.
import core from './packages/core/rollup.config.mjs';
import widget from './packages/widget/rollup.config.mjs';
import agentElements from './packages/agent-elements/rollup.config.mjs';
import serverAdapter from './packages/server-adapter/rollup.config.mjs';
import examples from './examples/rollup.config.mjs';

export default [...core, ...widget, ...agentElements, ...serverAdapter, ...examples];
