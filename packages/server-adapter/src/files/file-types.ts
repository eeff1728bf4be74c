/**
 * The file types Parley accepts, by content. Only these: a browser must never
 * be handed something it would run (HTML, SVG, XML, scripts), whatever the
 * file's name says.
 */

/** An accepted type: its MIME type, the extensions a download may carry, and whether it shows inline. */
export interface AcceptedType {
  readonly mime: string;
  readonly extensions: readonly string[];
  /** Shown in the page (`<img>`); everything else downloads as an attachment. */
  readonly inline: boolean;
}

const accepted = (mime: string, extensions: string[], inline = false): AcceptedType => ({ mime, extensions, inline });

/** By the MIME type file-type reports. */
export const ACCEPTED_TYPES: ReadonlyMap<string, AcceptedType> = new Map(
  [
    accepted('image/png', ['png'], true),
    accepted('image/jpeg', ['jpg', 'jpeg', 'jfif'], true),
    accepted('image/gif', ['gif'], true),
    accepted('image/webp', ['webp'], true),
    accepted('application/pdf', ['pdf']),
    accepted('application/zip', ['zip']),
    accepted('application/vnd.openxmlformats-officedocument.wordprocessingml.document', ['docx']),
    accepted('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ['xlsx']),
    accepted('application/vnd.openxmlformats-officedocument.presentationml.presentation', ['pptx']),
    accepted('application/vnd.oasis.opendocument.text', ['odt']),
    accepted('application/vnd.oasis.opendocument.spreadsheet', ['ods']),
    accepted('application/vnd.oasis.opendocument.presentation', ['odp']),
  ].map((t) => [t.mime, t]),
);

/**
 * Old Office files are Compound File Binary containers, as are installers
 * (.msi); file-type cannot tell them apart, so the name decides among these
 * three and any other CFB is refused.
 */
export const LEGACY_OFFICE: ReadonlyMap<string, AcceptedType> = new Map([
  ['doc', accepted('application/msword', ['doc'])],
  ['xls', accepted('application/vnd.ms-excel', ['xls'])],
  ['ppt', accepted('application/vnd.ms-powerpoint', ['ppt'])],
]);

/** Plain text that passed the text check. */
export const PLAIN_TEXT = accepted('text/plain; charset=utf-8', ['txt', 'csv', 'log', 'md']);

/** Looks up an accepted type by its MIME type (as stored in a FileRecord). */
export function acceptedType(mime: string): AcceptedType | undefined {
  if (mime === PLAIN_TEXT.mime) return PLAIN_TEXT;
  return ACCEPTED_TYPES.get(mime) ?? [...LEGACY_OFFICE.values()].find((t) => t.mime === mime);
}
