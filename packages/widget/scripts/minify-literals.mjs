// A rollup plugin that squeezes the whitespace out of Lit's css`` and html``
// templates in the widget's own sources (esbuild minifies the code around
// them but leaves template text alone). Conservative: runs of whitespace
// become one space, and spaces next to CSS punctuation ({ } ; , :) or between
// tags go. Template expressions (${…}) are left untouched.
const TAGGED = /\b(css|html|svg)`((?:[^`\\$]|\\.|\$(?!\{)|\$\{(?:[^{}]|\{[^{}]*\})*\})*)`/g;

function squeezeCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/;}/g, '}')
    .replace(/:\s+/g, ':')
    .trim();
}

function squeezeHtml(text) {
  return text.replace(/\s+/g, ' ').replace(/>\s+</g, '><').replace(/^\s+|\s+$/g, '');
}

/** Applies `squeeze` to the literal text of a template, keeping `${…}` parts as they are. */
function eachText(template, squeeze) {
  const parts = template.split(/(\$\{(?:[^{}]|\{[^{}]*\})*\})/g);
  return parts.map((part) => (part.startsWith('${') ? part : squeeze(part))).join('');
}

export function minifyLiterals({ include = /packages\/widget\/src\/.*\.ts$/ } = {}) {
  return {
    name: 'minify-literals',
    transform(code, id) {
      if (!include.test(id) || id.endsWith('.test.ts')) return null;
      let changed = false;
      const out = code.replace(TAGGED, (whole, tag, body) => {
        changed = true;
        return `${tag}\`${eachText(body, tag === 'css' ? squeezeCss : squeezeHtml)}\``;
      });
      return changed ? { code: out, map: null } : null;
    },
  };
}
