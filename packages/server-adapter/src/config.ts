/**
 * The CLI's configuration: flags first, then environment variables, then
 * defaults. Pure: it reads what it is given and returns options or a
 * problem to show, so it is tested without starting anything.
 */
import { parseArgs } from 'node:util';

import type { ParleyServerOptions } from './server.js';

/** What the CLI was asked to do. */
export type CliConfig =
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'run'; readonly options: ParleyServerOptions & { readonly port: number; readonly host: string; readonly dataDir: string } };

/** The `--help` text. */
export const USAGE = `Usage: parley-server [options]

Runs the Parley chat server: WebSocket and long-poll transports, the HTTP API,
and a SQLite store in the data folder. On the first start with an empty data
folder it creates a demo site and two demo agents, and prints their sign-in
details once (also written to <data>/demo-credentials.txt).

Options (environment variable in brackets):
  --port <n>              port to listen on (PORT; default 8080)
  --host <address>        address to listen on (HOST; default 127.0.0.1;
                          0.0.0.0 for every interface)
  --data <dir>            data folder (PARLEY_DATA; default ./data)
  --public-url <url>      URL people reach the server at, behind a proxy
                          (PARLEY_PUBLIC_URL)
  --console-origin <o>    an origin where agents' consoles may run; repeatable
                          (PARLEY_CONSOLE_ORIGINS, comma-separated)
  --static <path>=<dir>   serve a folder's files under a URL path; repeatable
                          (PARLEY_STATIC, comma-separated)
  --admin-key <key>       enable the admin API for this key (PARLEY_ADMIN_KEY)
  --smtp <url>            mail server for offline-message e-mails, e.g.
                          smtp://user:pass@mail.example.com:587 (PARLEY_SMTP_URL)
  --mail-from <address>   sender of those e-mails (PARLEY_MAIL_FROM)
  --trust-proxy           read client IPs from X-Forwarded-For (PARLEY_TRUST_PROXY=1)
  --no-demo               do not create the demo on an empty store (PARLEY_DEMO=0)
  -h, --help              show this help

In development, from the repository root:
  node --conditions=source --import tsx packages/server-adapter/src/cli.ts
After a build: parley-server (packages/server-adapter/dist/cli.js).
`;

const truthy = (value: string | undefined) => value !== undefined && /^(1|true|yes|on)$/i.test(value);
const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** Reads the CLI's arguments (without `node` and the script) and environment. */
export function readConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliConfig {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  if (values.help) return { kind: 'help' };

  const portText = values.port ?? env.PORT ?? '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) return { kind: 'error', message: `Not a port: ${portText}` };

  const publicUrl = values['public-url'] ?? env.PARLEY_PUBLIC_URL;
  if (publicUrl !== undefined && !/^https?:\/\/[^/]+/i.test(publicUrl)) {
    return { kind: 'error', message: `--public-url must be an http(s) URL: ${publicUrl}` };
  }

  const serveStatic: Record<string, string> = {};
  for (const entry of values.static ?? list(env.PARLEY_STATIC)) {
    const at = entry.indexOf('=');
    if (at <= 0 || !entry.startsWith('/')) return { kind: 'error', message: `--static takes <path>=<dir>, with a path starting with /: ${entry}` };
    serveStatic[entry.slice(0, at)] = entry.slice(at + 1);
  }

  const smtpUrl = values.smtp ?? env.PARLEY_SMTP_URL;
  const mailFrom = values['mail-from'] ?? env.PARLEY_MAIL_FROM;
  const consoleOrigins = values['console-origin'] ?? list(env.PARLEY_CONSOLE_ORIGINS);
  const adminKey = values['admin-key'] ?? env.PARLEY_ADMIN_KEY;
  const demo = !values['no-demo'] && env.PARLEY_DEMO !== '0' && env.PARLEY_DEMO !== 'false';

  return {
    kind: 'run',
    options: {
      port,
      host: values.host ?? env.HOST ?? '127.0.0.1',
      dataDir: values.data ?? env.PARLEY_DATA ?? './data',
      demo,
      trustProxy: values['trust-proxy'] === true || truthy(env.PARLEY_TRUST_PROXY),
      ...(publicUrl !== undefined && { publicUrl }),
      ...(adminKey && { adminKey }),
      ...(consoleOrigins.length > 0 && { allowedConsoleOrigins: consoleOrigins }),
      ...(Object.keys(serveStatic).length > 0 && { serveStatic }),
      ...(smtpUrl && { smtp: { url: smtpUrl, ...(mailFrom && { from: mailFrom }) } }),
    },
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      'public-url': { type: 'string' },
      'console-origin': { type: 'string', multiple: true },
      static: { type: 'string', multiple: true },
      'admin-key': { type: 'string' },
      smtp: { type: 'string' },
      'mail-from': { type: 'string' },
      'trust-proxy': { type: 'boolean' },
      'no-demo': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
