/**
 * Files (V12): upload into a session by a participant, download by
 * capability URL.
 */
import { createId, isOriginAllowed } from '@parley/core';
import { PERMISSIONS } from '@parley/core/hub';
import { FileTooLargeError, UploadAbortedError } from '../../files/file-storage.js';
import { serveFile } from '../../files/serve.js';
import { EmptyFileError, FileTypeRefusedError, receiveUpload } from '../../files/upload.js';
import type { Uploader } from '../../store/server-store.js';
import { checkDeclaredLength, tooLarge } from '../body.js';
import type { RequestContext } from '../context.js';
import { badRequest, HttpError, notFound } from '../errors.js';
import { requireParticipant } from '../guard.js';
import type { Route } from '../router.js';

/**
 * Who uploads into which site: a visitor only into its own session; an agent
 * into any session of its site, or with no session (canned files) when it may
 * manage the site.
 */
async function uploadTarget(ctx: RequestContext): Promise<{ siteId: string; sessionId?: string; uploader: Uploader }> {
  const actor = await requireParticipant(ctx);
  const sessionId = ctx.query('sessionId');
  if (sessionId === undefined) {
    if (actor.kind === 'agent' && actor.can(PERMISSIONS.manage)) {
      return { siteId: actor.siteId, uploader: { kind: 'agent', id: actor.agent.id } };
    }
    throw badRequest('"sessionId" is required.');
  }
  const session = await ctx.deps.store.getSession(sessionId);
  const own =
    session !== undefined &&
    session.siteId === actor.siteId &&
    (actor.kind === 'agent' || session.visitorId === actor.visitorId);
  // The same answer for "no such session" and "not yours".
  if (!session || !own) throw notFound('The session');
  const origin = ctx.req.headers.origin;
  if (actor.kind === 'visitor' && origin) {
    const site = await ctx.deps.store.getSite(session.siteId);
    const allowed = site?.settings.allowedOrigins ?? [];
    if (!isOriginAllowed(allowed, origin)) throw new HttpError('origin_not_allowed', 'This site does not allow the chat on this origin.');
  }
  const uploader: Uploader = actor.kind === 'agent' ? { kind: 'agent', id: actor.agent.id } : { kind: 'visitor', id: actor.visitorId };
  return { siteId: session.siteId, sessionId: session.id, uploader };
}

/** `POST /api/files?sessionId=&name=`, `GET|HEAD /api/files/:id?sig=`. */
export const fileRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/api/files',
    async handle(ctx) {
      const { deps } = ctx;
      // Before anything is read: a declared length past the limit is refused at once.
      checkDeclaredLength(ctx.req, deps.limits.fileBytes);
      const target = await uploadTarget(ctx);
      const name = ctx.query('name');
      try {
        const attachment = await receiveUpload(deps, {
          fileId: createId('file'),
          ...target,
          ...(name !== undefined && { name }),
          source: ctx.req,
          limit: deps.limits.fileBytes,
          now: deps.clock.now(),
        });
        deps.log.info('file uploaded', { siteId: target.siteId, sessionId: target.sessionId, fileId: attachment.id, type: attachment.type, size: attachment.size });
        return { status: 201, body: attachment };
      } catch (error) {
        if (error instanceof FileTooLargeError) throw tooLarge(error.limit);
        if (error instanceof FileTypeRefusedError) throw new HttpError('unsupported_media_type', error.message);
        if (error instanceof EmptyFileError) throw badRequest(error.message);
        if (error instanceof UploadAbortedError) throw badRequest(error.message);
        throw error;
      }
    },
  },
  ...(['GET', 'HEAD'] as const).map((method) => ({
    method,
    path: '/api/files/:id',
    async handle(ctx: RequestContext) {
      const { deps } = ctx;
      const fileId = ctx.params.id ?? '';
      const sig = ctx.query('sig') ?? '';
      // A wrong capability and an unknown id get the same 404.
      if (!deps.capabilities.verify(fileId, sig)) throw notFound('The file');
      const file = await deps.store.getFile(fileId);
      if (!file || !(await serveFile(ctx.req, ctx.res, file, deps.files))) throw notFound('The file');
      return undefined;
    },
  })),
];
