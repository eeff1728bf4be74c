/**
 * What the console needs beyond the hub once an agent is signed in: where
 * canned replies are searched, how files are uploaded and the screen
 * captured, how the site's automatic replies are read and saved, where the
 * visitors' left messages are listed and marked replied. Each is a
 * function, so a page without a Parley server (the in-page demo, tests)
 * passes its own.
 */
import type { TransportFactory } from '@parley/core';
import { connectTo } from '@parley/core';
import { capturePage } from '@parley/widget/shared';
import { httpCannedSource, type CannedSource } from '../api/canned.js';
import { httpOfflineMessages, type OfflineMessageService } from '../api/offline.js';
import type { SignInResult } from '../api/sign-in.js';
import { httpAutoReplies, type LoadAutoReplies, type SaveAutoReplies } from '../api/site-settings.js';
import { httpUpload, type UploadFunction } from '../api/upload.js';

export interface ConsoleServices {
  readonly canned?: CannedSource;
  readonly upload?: UploadFunction;
  readonly capture?: () => Promise<Blob>;
  readonly loadAutoReplies?: LoadAutoReplies;
  readonly saveAutoReplies?: SaveAutoReplies;
  /** The site's left messages (the console's "left messages" view shows when given). */
  readonly offline?: OfflineMessageService;
}

/** Makes the services for a signed-in agent. */
export type ServicesFactory = (session: SignInResult) => ConsoleServices;

/** Makes the hub connection for a signed-in agent's token. */
export type TransportFor = (token: string) => TransportFactory;

/** The services of a Parley server at `serverUrl`. */
export function serverServices(serverUrl: string): ServicesFactory {
  return ({ token }) => {
    const replies = httpAutoReplies(serverUrl, token);
    return {
      canned: httpCannedSource(serverUrl, token),
      upload: httpUpload(serverUrl, token),
      capture: () => capturePage(),
      loadAutoReplies: replies.load,
      saveAutoReplies: replies.save,
      offline: httpOfflineMessages(serverUrl, token),
    };
  };
}

/** The hub connection of a Parley server at `serverUrl` (WebSocket, long-poll fallback). */
export function serverTransport(serverUrl: string): TransportFor {
  return () => connectTo(serverUrl, { role: 'agent' });
}
