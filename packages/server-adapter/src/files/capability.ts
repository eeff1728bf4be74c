/**
 * Download capabilities: a file's URL carries an HMAC of its id, so only
 * someone who was given the URL — the session's participants, in the message
 * holding the attachment — can fetch it. This is what lets a plain
 * `<img src>` in the widget work without cookies or an Authorization header.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Signs and checks file download URLs. */
export interface FileCapabilities {
  /** The capability for a file id (base64url, 43 characters). */
  sign(fileId: string): string;
  /** Whether `signature` is the capability for `fileId`; constant-time. */
  verify(fileId: string, signature: string): boolean;
  /** `<base>/api/files/<id>?sig=<capability>`; relative when `base` is empty. */
  url(fileId: string): string;
}

/**
 * Creates {@link FileCapabilities}. `secret` is the server's secret; the key
 * is derived from it for this one purpose, so a capability is never a valid
 * token elsewhere. Rotating the secret revokes every file URL.
 */
export function createFileCapabilities(secret: string, publicUrl = ''): FileCapabilities {
  const key = createHmac('sha256', secret).update('parley/file-capability/v1').digest();
  const sign = (fileId: string) => createHmac('sha256', key).update(fileId).digest('base64url');
  const base = publicUrl.replace(/\/+$/, '');
  return {
    sign,
    verify(fileId, signature) {
      const expected = Buffer.from(sign(fileId));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
    url: (fileId) => `${base}/api/files/${encodeURIComponent(fileId)}?sig=${sign(fileId)}`,
  };
}
