// The whitespace squeezer of the script-tag bundle must never change what a
// template means: a space between a literal part and an expression stays.
import assert from 'node:assert/strict';
import { test } from 'node:test';

// @ts-expect-error: a plain .mjs build script, without types.
import { minifyLiterals, squeezeTemplate } from '../../scripts/minify-literals.mjs';

test('CSS: spaces around expressions that separate values stay', () => {
  assert.equal(squeezeTemplate('\n  .a {\n    border: 1px solid ${color};\n    padding: 0 calc(${s} * 1.5) ${s};\n  }\n', 'css'), '.a{border:1px solid ${color};padding:0 calc(${s} * 1.5) ${s}}');
  assert.equal(squeezeTemplate(':host { font: ${a}, ${b}; }', 'css'), ':host{font:${a},${b}}');
  assert.equal(squeezeTemplate('/* note */ .x { color: red; }', 'css'), '.x{color:red}');
});

test('HTML: attributes bound one after another keep their separating space', () => {
  assert.equal(
    squeezeTemplate('<x-a\n    variant=${v}\n    .open=${o}\n    ?hidden=${h}\n  ></x-a>', 'html'),
    '<x-a variant=${v} .open=${o} ?hidden=${h} ></x-a>',
  );
  assert.equal(squeezeTemplate('<p>\n  ${a}\n  ${b}\n</p>', 'html'), '<p> ${a} ${b} </p>');
});

test('expressions holding nested templates are left as they are', () => {
  const source = 'const t = html`<ul>\n  ${items.map((i) => html`<li>  ${i}  </li>`)}\n</ul>`;';
  const { code } = minifyLiterals().transform(source, '/x/packages/widget/src/a.ts');
  assert.equal(code, 'const t = html`<ul> ${items.map((i) => html`<li>  ${i}  </li>`)} </ul>`;');
});
