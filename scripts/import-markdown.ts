/**
 * `npm run import-markdown -- <files or folders...> --document <id> [options]`: import existing
 * policies written in Markdown (e.g. the git history of GitHub's site-policy repository) as versions of a document.
 *
 * Each source file must be named by its effective date (`2020-11-16.md`). Writes
 * `<out>/<document>/<date>.<md|mdx>` (see src/lib/editor/import-markdown.ts for the conversion) and adds
 * the document to `<out>/documents.yaml` when it is not there yet. Never overwrites a version:
 * when any of the files exists already (as `.md` or `.mdx`), nothing is written (exit 1).
 *
 * Options: --out <content folder> (default LEGAL_CONTENT_DIR or content), --format md|mdx
 * (default md: raw HTML stays, repaired; mdx rewrites it as Markdown), --title (the document's
 * title; default the newest source's own title), --kind (statement|terms|supplemental-notice,
 * default terms), --description, --material (mark imported later versions as material changes),
 * --site <origin> (make root-relative links absolute, e.g. https://docs.github.com), --source-url
 * <url> (the source site's address of the document, e.g.
 * https://docs.github.com/en/site-policy/github-terms/github-terms-of-service: links to it become
 * links to the version's sections; its origin is the default --site).
 * Prints a warning for everything changed or that will render badly, and the former anchors it inferred.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fail, readArgs, UsageError } from './cli.ts';
import { parse, stringify } from 'yaml';
import { importMarkdown, sectionsOf, sourceTitle, type Section } from '../src/lib/editor/import-markdown.ts';
import { documentEntrySchema } from '../src/lib/content/schemas.ts';
import { resolveSettings } from '../src/settings.ts';
import { parseVersionSource, sourceFormatOf } from '../src/lib/content/version-source.ts';

const usage = 'Usage: npm run import-markdown -- <files or folders...> --document <id> [--out content] [--format md|mdx] [--title T] [--kind terms] [--description D] [--material] [--site https://example.com] [--source-url https://example.com/policies/terms]';

const help = `${usage}

Import existing Markdown policies (files named by their effective date, YYYY-MM-DD.md) as versions of
a document: titles and effective-date lines lifted, links to the source site made local, renamed
sections given formerAnchors; never overwrites a version. Exit 0 imported, 1 refused, 2 usage error.`;

try {
  const { values, positionals } = readArgs({
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
      'source-url': { type: 'string' },
    },
  }, help);
  const document = values.document;
  if (!document || positionals.length === 0) throw new UsageError('Give the files or folders to import and --document <id>.');
  const format = values.format;
  if (format !== 'md' && format !== 'mdx') throw new UsageError(`Unknown --format "${format}": use md or mdx.`);
  const sourceUrl = values['source-url'];
  if (sourceUrl !== undefined && !URL.canParse(sourceUrl)) throw new Error(`--source-url "${sourceUrl}" is not an absolute URL: give the document's address on the source site, e.g. https://docs.github.com/en/site-policy/github-terms/github-terms-of-service.`);
  const sources = positionals.flatMap((path) =>
    statSync(path).isDirectory() ? readdirSync(path).filter((f) => /^\d{4}-\d{2}-\d{2}\.(md|markdown)$/.test(f)).map((f) => join(path, f)) : [path],
  );
  const dated = sources.map((path) => {
    const date = /^(\d{4}-\d{2}-\d{2})\.(md|markdown)$/.exec(basename(path))?.[1];
    if (!date) throw new Error(`${path}: name the file by its effective date, e.g. 2020-11-16.md.`);
    return { path, date, text: readFileSync(path, 'utf8') };
  }).sort((a, b) => (a.date < b.date ? -1 : 1));
  if (dated.length === 0) throw new Error(`No files named YYYY-MM-DD.md in ${positionals.join(', ')}.`);

  const out = resolve(values.out);
  const folder = join(out, document);
  const existingFiles = existsSync(folder) ? readdirSync(folder).filter((f) => /^\d{4}-\d{2}-\d{2}\.mdx?$/.test(f)).sort() : [];
  const clashes = dated.flatMap(({ date }) => existingFiles.filter((f) => f.slice(0, 10) === date).map((f) => join(folder, f)));
  if (clashes.length > 0) {
    throw new Error(`✖ Refused: ${clashes.length === 1 ? 'this version exists' : 'these versions exist'} already, and an import never overwrites a version:\n${clashes.map((f) => `  ${f}`).join('\n')}\nNothing was written. Remove ${clashes.length === 1 ? 'that source' : 'those sources'} from the import, or import into another --out folder. To change a published version, see content/README.md ("Corrections").`);
  }

  const registryPath = join(out, 'documents.yaml');
  const registry = existsSync(registryPath) ? (parse(readFileSync(registryPath, 'utf8')) as { documents?: { id?: string; title?: string }[] }) : { documents: [] };
  const registered = (registry.documents ?? []).find((entry) => entry.id === document);
  const documentTitle = values.title ?? registered?.title ?? sourceTitle(dated.at(-1)!.text, basename(dated.at(-1)!.path)) ?? document.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

  // The previous version of the first import: the newest existing version dated before it, for former anchors.
  const before = existingFiles.filter((f) => f.slice(0, 10) < dated[0]!.date).at(-1);
  let previous: readonly Section[] | undefined = before ? sectionsOf(parseVersionSource(readFileSync(join(folder, before), 'utf8'), sourceFormatOf(before)!)) : undefined;
  const written: { file: string; text: string }[] = [];
  const inferred: string[] = [];
  dated.forEach(({ path, date, text }, index) => {
    const imported = importMarkdown(text, {
      format,
      first: existingFiles.length === 0 && index === 0,
      sourceName: basename(path),
      effective: date,
      documentTitle,
      material: values.material,
      site: values.site,
      sourceUrl,
      previous,
      warn: (message) => console.warn(`warning: ${message}`),
    });
    previous = imported.sections;
    for (const [old, now] of Object.entries(imported.formerAnchors)) inferred.push(`  ${date}: #${old} → #${now}`);
    written.push({ file: join(folder, `${date}.${format}`), text: imported.text });
  });
  mkdirSync(folder, { recursive: true });
  for (const { file, text } of written) writeFileSync(file, text, { flag: 'wx' });

  if (!registered) {
    const entry = documentEntrySchema.parse({ id: document, title: documentTitle, kind: values.kind, description: values.description ?? `${documentTitle}, imported from Markdown.` });
    const addition = stringify({ documents: [entry] }).replace(/^documents:\n/, '');
    writeFileSync(registryPath, existsSync(registryPath) ? `${readFileSync(registryPath, 'utf8').replace(/\n*$/, '\n')}${addition}` : `documents:\n${addition}`);
  }
  if (inferred.length > 0) console.log(`Inferred formerAnchors (a section of the previous version under a new anchor; old links land on it):\n${inferred.join('\n')}`);
  const shown = relative(process.cwd(), out) || '.';
  const env = resolve(process.env.LEGAL_CONTENT_DIR || 'content') === out ? '' : `LEGAL_CONTENT_DIR=${shown} `;
  // Versions already in effect are history: plain `npm run lock` refuses them once a lock exists (lock-backdated).
  const { asOf } = resolveSettings(process.env);
  const lock = dated.some(({ date }) => date <= asOf) ? 'npm run lock -- --history' : 'npm run lock';
  console.log(`✔ Imported ${dated.length} version${dated.length === 1 ? '' : 's'} of "${document}" into ${relative(process.cwd(), folder) || folder}.
Next: ${env}${lock} (the check wants every version in effect or announced locked), then ${env}npm run check.`);
} catch (error) {
  // A file that cannot be imported (or would overwrite a version) is refused: exit 1.
  fail(error, help, (e) => !(e instanceof UsageError));
}
