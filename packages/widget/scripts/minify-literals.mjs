// A rollup plugin that squeezes the whitespace out of Lit's css`` and html``
// templates in the widget's own sources (esbuild minifies the code around
// them but leaves template text alone). Conservative: runs of whitespace
// become one space; in CSS, spaces next to { } ; , and after : go. Template
// expressions (${…}) are left untouched, and so is the one space that may
// separate a literal part from an expression (`1px solid ${color}`,
// `variant=${v} .open=${o}`): parts are never trimmed, only the template's ends.
const TAGGED = /\b(css|html|svg)`((?:[^`\\$]|\\.|\$(?!\{)|\$\{(?:[^{}]|\{[^{}]*\})*\})*)`/g;

function squeezeCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/;}/g, '}')
    .replace(/:\s+/g, ':');
}

function squeezeHtml(text) {
  return text.replace(/\s+/g, ' ');
}

/** Applies `squeeze` to the literal text of a template, keeping `${…}` parts as they are; trims only the ends. */
export function squeezeTemplate(template, kind) {
  const squeeze = kind === 'css' ? squeezeCss : squeezeHtml;
  const parts = template.split(/(\$\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\})/g);
  const last = parts.length - 1;
  return parts
    .map((part, i) => {
      if (part.startsWith('${')) return part;
      let text = squeeze(part);
      if (i === 0) text = text.trimStart();
      if (i === last) text = text.trimEnd();
      return text;
    })
    .join('');
}

export function minifyLiterals({ include = /packages\/widget\/src\/.*\.ts$/ } = {}) {
  return {
    name: 'minify-literals',
    transform(code, id) {
      if (!include.test(id) || id.endsWith('.test.ts')) return null;
      let changed = false;
      const out = code.replace(TAGGED, (whole, tag, body) => {
        changed = true;
        return `${tag}\`${squeezeTemplate(body, tag === 'css' ? 'css' : 'html')}\``;
      });
      return changed ? { code: out, map: null } : null;
    },
  };
}
