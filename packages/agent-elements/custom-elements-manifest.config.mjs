// `npm run analyze -w @parley/agent-elements` (or `npx cem analyze --litelement` here)
// writes custom-elements.json from the elements' JSDoc: @tagname, @summary, @event,
// @csspart, @cssproperty, and the Lit properties.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/locales/**', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [
    {
      // ParleyElement.define() registers `class extends this {}` under a tag given at run
      // time; the analyzer reads that as an element named "name". The real tags come
      // from each class's @tagname.
      name: 'parley-drop-define-subclass',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          mod.declarations = (mod.declarations ?? []).filter((d) => !d.name.startsWith('anonymous_'));
          mod.exports = (mod.exports ?? []).filter((e) => !e.declaration?.name?.startsWith('anonymous_'));
        }
      },
    },
  ],
};
