/**
 * The baseline of the build benchmark: a bare Astro + MDX project that renders the same version
 * files with nothing else: one content collection (glob loader, no schema) and one route that
 * renders each entry inside a minimal HTML page. It uses the project's node_modules (symlinked)
 * and the same Markdown settings, so `## Heading {#anchor}` parses the same way.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Write the bare project into `dir`.
 *
 * @param dir Empty folder for the project (outside the repository or under test/.tmp).
 * @param projectRoot This repository's root, whose node_modules the bare project borrows.
 * @param contentDir The content folder (`<document>/<date>.mdx` files are read; nothing else).
 * @param outDir Where `astro build` writes the site.
 */
export function writeBareAstroProject(dir: string, projectRoot: string, contentDir: string, outDir: string): void {
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'bare-astro-bench', private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(join(dir, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';

export default defineConfig({
  outDir: ${JSON.stringify(outDir)},
  cacheDir: './.cache',
  markdown: { processor: satteri({ features: { headingAttributes: true, smartPunctuation: false } }) },
  integrations: [mdx()],
  vite: { logLevel: 'warn' },
});
`);
  writeFileSync(join(dir, 'src', 'content.config.ts'), `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  versions: defineCollection({ loader: glob({ pattern: '*/*.mdx', base: ${JSON.stringify(contentDir)} }) }),
};
`);
  writeFileSync(join(dir, 'src', 'pages', '[...id].astro'), `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  return (await getCollection('versions')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><title>{entry.id}</title></head><body><main><Content /></main></body></html>
`);
}
