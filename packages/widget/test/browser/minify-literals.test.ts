// The whitespace squeezer of the script-tag bundle (scripts/minify-literals.mjs,
// plain string work) must never change what a template means: a space between
// a literal part and an expression stays.
import { expect } from '@open-wc/testing';

// @ts-expect-error: a plain .mjs build script, without types.
import { minifyLiterals, squeezeTemplate } from '../../scripts/minify-literals.mjs';

const squeeze = squeezeTemplate as (template: string, kind: 'css' | 'html') => string;

describe('the bundle’s template squeezer', () => {
  it('CSS: keeps the spaces that separate values from expressions', () => {
    expect(squeeze('\n  .a {\n    border: 1px solid ${color};\n    padding: 0 calc(${s} * 1.5) ${s};\n  }\n', 'css')).to.equal(
      '.a{border:1px solid ${color};padding:0 calc(${s} * 1.5) ${s}}',
    );
    expect(squeeze(':host { font: ${a}, ${b}; }', 'css')).to.equal(':host{font:${a},${b}}');
    expect(squeeze('/* note */ .x { color: red; }', 'css')).to.equal('.x{color:red}');
  });

  it('HTML: attributes bound one after another keep their separating space', () => {
    expect(squeeze('<x-a\n    variant=${v}\n    .open=${o}\n    ?hidden=${h}\n  ></x-a>', 'html')).to.equal('<x-a variant=${v} .open=${o} ?hidden=${h} ></x-a>');
    expect(squeeze('<p>\n  ${a}\n  ${b}\n</p>', 'html')).to.equal('<p> ${a} ${b} </p>');
  });

  it('leaves expressions, and templates nested in them, as they are', () => {
    const source = 'const t = html`<ul>\n  ${items.map((i) => html`<li>  ${i}  </li>`)}\n</ul>`;';
    const { code } = (minifyLiterals() as { transform(code: string, id: string): { code: string } }).transform(source, '/x/packages/widget/src/a.ts');
    expect(code).to.equal('const t = html`<ul> ${items.map((i) => html`<li>  ${i}  </li>`)} </ul>`;');
  });
});
