/**
 * Start a new version of a document (`npm run new-version`): a copy of the newest version's text,
 * with fresh frontmatter that the content check refuses until the editor has filled it in.
 */
import { addDays, formatDate, isCivilDate, type CivilDate } from '../dates.ts';
import { isFrontmatterSyntaxError, readFrontmatter } from '../content/frontmatter.ts';
import type { SourceFile } from '../check/rule.ts';
import { defaultNotice, type DocumentEntry } from '../content/schemas.ts';

/** Marks the lines an editor must finish; rule `new-version-todo` reports every line that still has it. */
import { NEW_VERSION_MARKER } from '../check/rules/new-version-todo.ts';

export { NEW_VERSION_MARKER };

/** Why a new version cannot be started; `message` says what to do instead. */
export class NewVersionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NewVersionError';
  }
}

/** The file to write. */
export interface NewVersionPlan {
  /** Path relative to the content folder, e.g. `privacy-statement/2026-01-01.mdx`. */
  path: string;
  text: string;
  /** The version copied: its effective date and path. */
  from: { effective: CivilDate; path: string };
  /**
   * What the document's notice period allows: `days` from documents.yaml `notice.materialDays`
   * (default 30), `earliest` the first effective date a material change published on the as-of
   * date may have (as-of + days), and `short` when the date asked for is sooner than that.
   */
  notice: { days: number; earliest: CivilDate; short: boolean };
}

/**
 * Plan a new version of a document effective on a date.
 *
 * @param documents Registry entries.
 * @param files Every version file (paths relative to the content folder).
 * @param document Document id, e.g. `privacy-statement`.
 * @param effective Effective date of the new version, `YYYY-MM-DD`.
 * @param options `asOf`: today for the site (settings' as-of date), the earliest day the version can
 *   be published; `history: true` when the editor is importing the document's past versions, which
 *   admits an effective date on or before `asOf`.
 * @returns The new file's path and text.
 * @throws NewVersionError when the document is unknown or has no version to copy, the date is not
 *   a real `YYYY-MM-DD` date, a version with that date exists, the date is not after the newest version's,
 *   or (without `history`) it is not after `asOf`: a version in effect the moment it is published gives
 *   readers no notice (issue 13, "Notice").
 */
export function planNewVersion(documents: readonly DocumentEntry[], files: readonly SourceFile[], document: string, effective: string, { asOf, history = false }: { asOf: CivilDate; history?: boolean }): NewVersionPlan {
  const entry = documents.find((d) => d.id === document);
  if (!entry) {
    throw new NewVersionError(`There is no document "${document}". Documents: ${documents.map((d) => d.id).join(', ') || '(none: documents.yaml is missing or invalid)'}.`);
  }
  if (!isCivilDate(effective)) {
    throw new NewVersionError(`"${effective}" is not a real date. Write the effective date as YYYY-MM-DD, e.g. --effective 2026-01-01.`);
  }
  const own = files
    .map((file) => ({ file, match: new RegExp(`^${document}/(\\d{4}-\\d{2}-\\d{2})\\.mdx?$`).exec(file.path) }))
    .filter((entry) => entry.match && isCivilDate(entry.match[1]!))
    .map((entry) => ({ ...entry.file, effective: entry.match![1]! }))
    .sort((a, b) => (a.effective < b.effective ? -1 : 1));
  const existing = own.find((v) => v.effective === effective);
  if (existing) throw new NewVersionError(`A version of "${document}" effective ${effective} already exists: ${existing.path}. Edit it, or choose another date.`);
  const newest = own.at(-1);
  if (!newest) throw new NewVersionError(`"${document}" has no version to copy. Write its first version by hand: ${document}/${effective}.mdx (see content/README.md).`);
  if (effective <= newest.effective) {
    throw new NewVersionError(`A new version must take effect after the newest one (${newest.effective}, ${newest.path}); ${effective} is not after it. Choose a later date.`);
  }
  const extension = newest.path.endsWith('.md') ? 'md' : 'mdx';
  const days = { ...defaultNotice, ...entry.notice }.materialDays;
  const earliest = addDays(asOf, days);
  if (effective <= asOf && !history) {
    throw new NewVersionError(`${effective} is not after today (${asOf}, the as-of date): the version would be in effect the moment it is published, so readers get no notice. Choose a date after ${asOf}, and for a material change ${earliest} or later (the ${document} notice period is ${days} days). If you are importing the document's past versions, add --history.`);
  }
  return {
    path: `${document}/${effective}.${extension}`,
    text: newVersionText(newest.text, newest.effective),
    from: { effective: newest.effective, path: newest.path },
    notice: { days, earliest, short: effective < earliest },
  };
}

/** The new file's text: fresh frontmatter (only a title override is kept) and the copied body. */
function newVersionText(text: string, previous: CivilDate): string {
  const raw = readFrontmatter(text);
  const lines = text.split('\n');
  const body = isFrontmatterSyntaxError(raw) ? text : lines.slice(raw.endLine).join('\n');
  const title = !isFrontmatterSyntaxError(raw) && typeof raw.data.title === 'string' ? [`title: ${JSON.stringify(raw.data.title)}`] : [];
  return [
    '---',
    `# ${NEW_VERSION_MARKER}: this version starts as a copy of the one effective ${formatDate(previous)}. Edit the text,`,
    '# then write the keys below (remove the "# " in front of each) and delete this line and the next.',
    `# ${NEW_VERSION_MARKER}: npm run check reports these lines until they are gone.`,
    '# summary: One sentence saying what changed, e.g. Adds a section on data retention.',
    // The explanations are YAML comments, so removing the leading "# " leaves valid lines.
    '# material: true       # true when the change is material: it then needs notice (content/README.md)',
    '# published: YYYY-MM-DD   # the day this version is announced, for notice',
    ...title,
    '---',
    body.replace(/^\n*/, '\n'),
  ].join('\n');
}
