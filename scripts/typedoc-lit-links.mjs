// A typedoc plugin for the element packages. Elements override Lit's
// `static styles` without a comment of their own, so typedoc shows Lit's, whose
// `{@linkcode css}` points at a function outside these docs and cannot be
// resolved (a warning, which `treatWarningsAsErrors` makes fatal). Such links to
// Lit's `css` become inline code; every other link is validated as before.
import { Converter } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(
    Converter.EVENT_RESOLVE_END,
    (context) => {
      const fix = (parts) => parts?.map((part) => (part.kind === 'inline-tag' && part.text === 'css' && part.target === undefined ? { kind: 'code', text: '`css`' } : part));
      for (const reflection of Object.values(context.project.reflections)) {
        const comment = reflection.comment;
        if (!comment) continue;
        comment.summary = fix(comment.summary);
        for (const tag of comment.blockTags) tag.content = fix(tag.content);
      }
    },
    -100,
  );
}
