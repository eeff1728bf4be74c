/**
 * A child process for the kill -9 test: appends messages as fast as the store
 * acknowledges them and prints `ack <clientId>` for each, until it is killed;
 * with `thread`, through the store on a thread of its own.
 */
import { openSqliteStore } from '../../../../src/store/sqlite/open.js';
import { openThreadedSqliteStore } from '../../../../src/store/sqlite/thread.js';

const [file, where] = process.argv.slice(2);
if (!file) throw new Error('usage: writer.ts <file> [thread]');
const store = where === 'thread' ? openThreadedSqliteStore(file) : openSqliteStore(file);
let n = 0;
for (;;) {
  // A few writes per tick, as a busy hub makes them.
  const batch = Array.from({ length: 5 }, () => {
    const clientId = `c${++n}`;
    return store
      .appendMessage({ id: `msg_${n}`, sessionId: 'ses_1', clientId, author: { kind: 'visitor', id: 'vis_1' }, at: Date.now(), text: `m${n}` })
      .then(() => process.stdout.write(`ack ${clientId}\n`));
  });
  await Promise.all(batch);
}
