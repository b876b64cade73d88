/**
 * The layout's rules, checked by `npm run lint:layout` (dependency-cruiser) and by
 * test/lib/layout.test.ts: no import cycles anywhere in src/ and scripts/, and src/lib's rooms on
 * their floors (src/lib/README.md).
 */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'An import cycle: two modules that need each other belong in one, or their shared part in a third.', from: {}, to: { circular: true } },
    { name: 'lib-is-pure', severity: 'error', comment: 'src/lib is pure domain logic: no Astro, no file system (README "Layers").', from: { path: '^src/lib/' }, to: { path: '^(src/(data|node|pages|components|integrations)/|astro:)' } },
    { name: 'security-is-a-leaf', severity: 'error', comment: 'The allow-lists depend on nothing of the domain.', from: { path: '^src/lib/security/' }, to: { path: '^src/lib/(?!security/)' } },
    { name: 'content-below-check-and-site', severity: 'error', comment: 'Reading content knows nothing of the check, the site model, diffs or editor tools.', from: { path: '^src/lib/content/' }, to: { path: '^src/lib/(check|site|diff|editor)/' } },
    { name: 'diff-below-check', severity: 'error', comment: 'The diff engine knows nothing of the check or editor tools.', from: { path: '^src/lib/diff/' }, to: { path: '^src/lib/(check|editor)/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(test|node_modules)/' },
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js'] },
  },
};
