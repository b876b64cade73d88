/**
 * `npm run import-markdown -- <files or folders...> --document <id> [options]`: import existing
 * policies written in Markdown (e.g. GitHub's site-policy repository) as versions of a document.
 *
 * Each source file must be named by its effective date (`2020-11-16.md`). Writes
 * `<out>/<document>/<date>.<md|mdx>` (see src/lib/editor/import-markdown.ts for the conversion) and adds
 * the document to `<out>/documents.yaml` when it is not there yet.
 *
 * Options: --out <content folder> (default LEGAL_CONTENT_DIR or content), --format md|mdx
 * (default md: the Markdown and its HTML stay as written), --title, --kind
 * (statement|terms|supplemental-notice, default terms), --description, --material (mark imported
 * later versions as material changes), --site <origin> (make root-relative links absolute, e.g.
 * https://docs.github.com). Headings get pinned anchors; links to missing sections become plain text.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { importMarkdown } from '../src/lib/editor/import-markdown.ts';
import { documentEntrySchema } from '../src/lib/content/schemas.ts';

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      document: { type: 'string' },
      out: { type: 'string', default: process.env.LEGAL_CONTENT_DIR || 'content' },
      format: { type: 'string', default: 'md' },
      title: { type: 'string' },
      kind: { type: 'string', default: 'terms' },
      description: { type: 'string' },
      material: { type: 'boolean', default: false },
      site: { type: 'string' },
    },
  });
  const document = values.document;
  if (!document || positionals.length === 0) throw new Error('Usage: npm run import-markdown -- <files or folders...> --document <id> [--out content] [--format md|mdx] [--title T] [--kind terms] [--description D] [--material]');
  if (values.format !== 'md' && values.format !== 'mdx') throw new Error(`Unknown --format "${values.format}": use md or mdx.`);
  const sources = positionals.flatMap((path) =>
    statSync(path).isDirectory() ? readdirSync(path).filter((f) => /^\d{4}-\d{2}-\d{2}\.(md|markdown)$/.test(f)).map((f) => join(path, f)) : [path],
  );
  const dated = sources.map((path) => {
    const date = /^(\d{4}-\d{2}-\d{2})\.(md|markdown)$/.exec(basename(path))?.[1];
    if (!date) throw new Error(`${path}: name the file by its effective date, e.g. 2020-11-16.md.`);
    return { path, date };
  }).sort((a, b) => (a.date < b.date ? -1 : 1));
  if (dated.length === 0) throw new Error(`No files named YYYY-MM-DD.md in ${positionals.join(', ')}.`);

  const out = resolve(values.out);
  const folder = join(out, document);
  mkdirSync(folder, { recursive: true });
  const existing = existsSync(folder) ? readdirSync(folder).filter((f) => /\.mdx?$/.test(f)).length : 0;
  dated.forEach(({ path, date }, index) => {
    const text = importMarkdown(readFileSync(path, 'utf8'), {
      format: values.format as 'md' | 'mdx',
      first: existing === 0 && index === 0,
      sourceName: basename(path),
      material: values.material,
      site: values.site,
      warn: (message) => console.warn(`warning: ${message}`),
    });
    writeFileSync(join(folder, `${date}.${values.format}`), text);
  });

  const registryPath = join(out, 'documents.yaml');
  const registry = existsSync(registryPath) ? (parse(readFileSync(registryPath, 'utf8')) as { documents?: unknown[] }) : { documents: [] };
  if (!(registry.documents ?? []).some((entry) => (entry as { id?: string }).id === document)) {
    const title = values.title ?? document.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
    const entry = documentEntrySchema.parse({ id: document, title, kind: values.kind, description: values.description ?? `${title}, imported from Markdown.` });
    const addition = stringify({ documents: [entry] }).replace(/^documents:\n/, '');
    writeFileSync(registryPath, existsSync(registryPath) ? `${readFileSync(registryPath, 'utf8').replace(/\n*$/, '\n')}${addition}` : `documents:\n${addition}`);
  }
  console.log(`✔ Imported ${dated.length} version${dated.length === 1 ? '' : 's'} of "${document}" into ${folder}. Run npm run check.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
