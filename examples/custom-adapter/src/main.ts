/**
 * `npm start`: runs the example server until Ctrl+C.
 *
 * PORT (default 8090) and HOST (default 127.0.0.1) choose where it listens.
 */
import { DEMO_SITE_ID, startServer } from './server.js';

const server = await startServer({
  port: Number(process.env.PORT ?? 8090),
  host: process.env.HOST ?? '127.0.0.1',
});

console.log(`Parley over Server-Sent Events at ${server.sseUrl}

  site id      ${DEMO_SITE_ID}
  agent token  ${server.agentToken}

Connect with createSseTransport from src/sse-client-transport.ts:

  new VisitorClient({ siteId: '${DEMO_SITE_ID}', transport: createSseTransport('${server.sseUrl}') })
  new AgentClient({ token: '<agent token>', transport: createSseTransport('${server.sseUrl}') })

Ctrl+C stops it (everything is in memory).`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  });
}
