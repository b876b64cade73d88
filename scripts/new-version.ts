/**
 * `npm run new-version -- <document> --effective YYYY-MM-DD`: start a new version of a document as
 * a copy of its newest version, with fresh frontmatter to fill in, and print what to do next.
 * Refuses an unknown document, a date that is not a real date, that exists already, or that is not
 * after the newest version's (exit 1; nothing is written).
 *
 * Environment: LEGAL_CONTENT_DIR, LEGAL_AS_OF (see src/settings.ts).
 */
import { writeFileSync } from 'node:fs';
import { extname, isAbsolute, join } from 'node:path';
import { EXIT_USAGE, readArgs } from './cli.ts';
import { formatDate } from '../src/lib/dates.ts';
import { NewVersionError, planNewVersion } from '../src/lib/editor/new-version.ts';
import { readRegistry } from '../src/lib/content/registry.ts';
import { readContent } from '../src/node/read-content.ts';
import { resolveSettings } from '../src/settings.ts';

const usage = 'Usage: npm run new-version -- <document> --effective YYYY-MM-DD [--history]   (e.g. npm run new-version -- privacy-statement --effective 2026-01-01)';

const help = `${usage}

Start a new version of a document as a copy of its newest version, with frontmatter to fill in, and
print the next steps and the earliest effective date the notice period allows for a material change
(a warning when the date given is sooner). A date on or before the as-of date is refused: such a version
would be in effect the moment it is published. --history admits it, for importing a document's past.
Exit 0 fine, 1 refused (nothing written), 2 usage error. Environment: LEGAL_CONTENT_DIR, LEGAL_AS_OF.`;

try {
  const { positionals, values } = readArgs({ allowPositionals: true, options: { effective: { type: 'string' }, history: { type: 'boolean', default: false } } }, help);
  const [document] = positionals;
  if (!document || !values.effective || positionals.length > 1) {
    console.error(`✖ ${usage}`);
    process.exit(EXIT_USAGE);
  }
  const settings = resolveSettings(process.env);
  const sources = readContent(settings.contentDir);
  const { documents } = sources.registry ? readRegistry(`${sources.root}/documents.yaml`, sources.registry.text) : { documents: [] };
  const plan = planNewVersion(documents, sources.files, document, values.effective, { asOf: settings.asOf, history: values.history });
  const dir = isAbsolute(settings.contentDir) ? settings.contentDir : join(process.cwd(), settings.contentDir);
  writeFileSync(join(dir, plan.path), plan.text, { flag: 'wx' });
  const file = `${sources.root}/${plan.path}`;
  const past = values.effective <= settings.asOf;
  const { notice } = plan;
  const noticeLine = past
    ? ''
    : `\n\nNotice: a material change needs ${notice.days} days' notice, so published today (${settings.asOf}) it can take effect on ${formatDate(notice.earliest)} (${notice.earliest}) at the earliest.${notice.short ? `\n⚠ ${values.effective} is sooner: keep this change non-material (\`material: false\`), or rename the file to ${notice.earliest}${extname(plan.path)} or later.` : ''}`;
  console.log(`✔ Created ${file}, a copy of ${sources.root}/${plan.from.path} (effective ${formatDate(plan.from.effective)}).

Next:
  1. Edit the text in ${file}. Keep each heading's {#anchor}; a new section needs a new one.
  2. At the top of the file, write \`summary:\` (what changed, one sentence) and \`material:\` (true or false),
     and \`published:\` (the day it is announced) when the change needs notice; delete the TODO(new-version) lines.
  3. Run \`npm run check\` until it reports no errors, and \`npm run diff -- ${document}\` to review the changes.
  4. Run \`npm run lock\` when the text is final, and commit ${file} with ${sources.root}/versions.lock.${noticeLine}${past ? `

⚠ Importing history: ${values.effective} is not after the as-of date ${settings.asOf}, so this version is in effect at
  once. Lock it with \`npm run lock -- --history\`.` : ''}`);
} catch (error) {
  console.error(error instanceof Error ? `✖ ${error.message}` : error);
  process.exitCode = 1;
}
