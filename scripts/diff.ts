/**
 * `npm run diff -- <document> [from] [to] [--format text|markdown|json] [--full]`: what changed
 * between two versions of a document, by section, word by word.
 *
 * Defaults: `to` is the newest version, `from` the version before it. `text` (the default) is
 * coloured on a terminal and plain (`[-deleted-]{+inserted+}`) when piped or when NO_COLOR is set;
 * `markdown` is a summary for a pull-request comment; `json` is the diff's data structure.
 * Reads the content folder (LEGAL_CONTENT_DIR, default content/). Exits 2 on a bad request.
 */
import { parseArgs } from 'node:util';
import { diffSources } from '../src/lib/diff/index.ts';
import { formatMarkdown } from '../src/lib/diff/format-markdown.ts';
import { formatTerminal } from '../src/lib/diff/format-terminal.ts';
import { DiffRequestError, pickVersions } from '../src/lib/diff/pick-versions.ts';
import { sourceFormatOf } from '../src/lib/content/version-source.ts';
import { readContent } from '../src/node/read-content.ts';
import { resolveSettings } from '../src/settings.ts';

const usage = 'Usage: npm run diff -- <document> [from] [to] [--format text|markdown|json] [--full]';

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' }, full: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const [document, fromArg, toArg, ...extra] = positionals;
  if (!document || extra.length > 0) throw new DiffRequestError(usage);
  if (!['text', 'markdown', 'json'].includes(values.format)) throw new DiffRequestError(`Unknown --format "${values.format}": use text, markdown or json.`);

  const settings = resolveSettings(process.env);
  const content = readContent(settings.contentDir);
  if (!content.folders.includes(document)) {
    throw new DiffRequestError(`No document "${document}" in ${content.root}. Documents: ${content.folders.join(', ') || '(none)'}.`);
  }
  const files = new Map(
    content.files
      .filter((f) => f.path.startsWith(`${document}/`) && /^[^/]+\/\d{4}-\d{2}-\d{2}\.mdx?$/.test(f.path))
      .map((f) => [f.path.slice(document.length + 1).replace(/\.mdx?$/, ''), f]),
  );
  const { from, to } = pickVersions(document, [...files.keys()], fromArg, toArg);
  const source = (date: string) => {
    const file = files.get(date)!;
    return { text: file.text, format: sourceFormatOf(file.path)! };
  };
  let diff;
  try {
    diff = diffSources(source(from), source(to));
  } catch (error) {
    const place = error as { line?: number; column?: number; reason?: string };
    throw new Error(`Cannot read a version of "${document}" (${place.line ? `line ${place.line}:${place.column}: ` : ''}${place.reason ?? String(error)}). Run \`npm run check\` for details.`, { cause: error });
  }
  const title = `${document}: ${from} → ${to}`;
  if (values.format === 'json') {
    const sections = diff.sections.map((s) => ({ ...s, changes: s.changes.map((c) => c.id), movedAway: s.movedAway.map((c) => c.id) }));
    process.stdout.write(`${JSON.stringify({ document, from, to, stats: diff.stats, changes: diff.changes, sections }, null, 2)}\n`);
  } else if (values.format === 'markdown') {
    process.stdout.write(formatMarkdown(diff, { title: `Changes to ${title}` }));
  } else {
    const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
    process.stdout.write(formatTerminal(diff, { title, color, full: values.full }));
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = error instanceof DiffRequestError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1;
}
