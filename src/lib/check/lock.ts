/**
 * The lock: `content/versions.lock` records each version as it was published, so a published
 * version can never change silently (issue 6, issue 11 "Immutability that cannot be edited away";
 * decision record docs/decisions/0006-version-lock.md).
 *
 * An entry covers:
 * - `sha256`: a SHA-256 hash of the version's body (everything after the frontmatter) and of its
 *   frontmatter except `corrections` and `lastUpdated`, after normalising line endings to LF,
 *   removing a byte order mark and trailing blank lines. Frontmatter is compared as data (key
 *   order, quoting and YAML comments do not count);
 * - `file`: the file name with its extension (`.md` and `.mdx` read the same bytes differently);
 * - `published` and `lastUpdated`, when the version has them;
 * - `corrections`: every correction as it was locked, which is append-only: a locked correction
 *   never changes or disappears, and a new one is appended dated on or after the one before it.
 *   Each correction that lists its edits (`changed:`, src/lib/content/corrections.ts) records
 *   `before`, the hash of the text before it: undoing its edits on the text after it must give
 *   that hash, so the edits are the whole change, and the redline the site publishes is exact.
 *
 * Format 2 (YAML, one entry per version, sorted; the optional keys only when the version has them):
 *
 *     privacy-statement/2022-03-31:
 *       sha256: "3b1f…"           (quoted: a hash of digits only must not read as a number)
 *       file: "2022-03-31.mdx"
 *       published: "2022-02-28"
 *       lastUpdated: "2024-05-01"
 *       corrections:
 *         - date: "2024-05-01"
 *           reason: "Fixes a typo in the contact address."
 *           before: "9c0d…"      (the hash of the text before this correction)
 *
 *     deepLinks:                (every key of links.yaml the lock has seen, and its last target)
 *       about-box: "privacy-statement"
 *       privacy-rights: "privacy-statement#your-rights"
 *
 * `deepLinks` (issue 13, "Keys are a contract") is a top-level key that no version key can be (a
 * version key holds a `/`); a lock written before it existed has none and is read as recording no
 * key yet: `npm run lock` adds them (src/lib/check/lock-links.ts). A key once recorded stays
 * recorded: it may be repointed, or retired to its document's top (`key: document`), never removed.
 *
 * Format 1 entries (`sha256` and a count, `corrections: 0`) are still read, and checked with what
 * they record; the check asks for `npm run lock`, which rewrites them in format 2 once the version
 * still matches its hash (the hash is computed the same way in both formats).
 */
import { createHash } from 'node:crypto';
import { isMap, isScalar, LineCounter, parseDocument, stringify } from 'yaml';
import { isCivilDate, type CivilDate } from '../dates.ts';
import { isFrontmatterSyntaxError, readFrontmatter } from '../content/frontmatter.ts';
import type { Frontmatter } from '../content/schemas.ts';
import { correctionHistoryOf } from '../content/corrections.ts';
import { deepLinkKeyPattern, deepLinkTargetPattern } from '../content/schemas.ts';

/** Name of the lock file in the content folder. */
export const LOCK_FILE = 'versions.lock';

/** Frontmatter keys left out of the hash: the entry records them on their own (see LockEntry). */
export const unhashedKeys: readonly string[] = ['corrections', 'lastUpdated'];

/** One correction as the lock records it. */
export interface LockedCorrection {
  /** `YYYY-MM-DD`. */
  date: CivilDate;
  reason: string;
  /**
   * Hex SHA-256 (versionHash) of the text before this correction, when the correction lists its
   * edits; `undefined` for a correction recorded without them.
   */
  before?: string;
}

/** What the lock records of one version. */
export interface LockEntry {
  /** Hex SHA-256 of the normalised text (see versionHash). */
  sha256: string;
  /** File name with its extension, e.g. `2022-03-31.mdx`; `undefined` in a format-1 entry. */
  file?: string;
  /** `published:` of the version, `YYYY-MM-DD`, when it has one (format 2). */
  published?: CivilDate;
  /** `lastUpdated:` of the version, `YYYY-MM-DD`, when it has one (format 2). */
  lastUpdated?: CivilDate;
  /** Number of corrections the version listed when it was locked. */
  corrections: number;
  /** Those corrections, in list order; `undefined` in a format-1 entry, which recorded only their number. */
  correctionList?: LockedCorrection[];
  /**
   * `true` when the version was already in effect when it was first locked and was locked as
   * history (`npm run lock -- --history`, the importer's next step): the pull-request check
   * refuses any other version locked after it took effect (`lock-entry-backdated`), and an imported
   * one dated after the version the base branch already had in force (`lock-entry-imported-late`).
   */
  imported?: boolean;
  /** 1-based line of the entry in the lock file (0 for entries not read from a file). */
  line: number;
}

/** The lock: `document/YYYY-MM-DD` -> entry. */
export type Lock = Map<string, LockEntry>;

/** The top-level key of the lock that records deep-link keys. */
export const DEEP_LINKS_KEY = 'deepLinks';

/** A deep-link key as the lock records it. */
export interface LockedLink {
  /** Its target when last locked: `document` or `document#anchor`, e.g. `privacy-statement#your-rights`. */
  target: string;
  /** 1-based line of the key in the lock file (0 for keys not read from a file). */
  line: number;
}

/** The deep-link keys of the lock: key -> its last target. */
export type LockedLinks = Map<string, LockedLink>;

/** Everything a lock file records. */
export interface LockFile {
  /** The versions. */
  versions: Lock;
  /** The deep-link keys; `undefined` in a lock written before keys were recorded (it has no `deepLinks`). */
  links: LockedLinks | undefined;
}

/** Thrown (or returned) when the lock file cannot be read. */
export class LockSyntaxError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = 'LockSyntaxError';
    this.line = line;
  }
}

/**
 * Hash a version's text as the lock records it.
 *
 * @param text Whole file text, frontmatter included.
 * @returns 64 lower-case hex digits.
 */
export function versionHash(text: string): string {
  const { data, body } = hashedParts(text);
  return hashOf(data, body);
}

/**
 * Whether a version must be in the lock at an as-of date: once it has taken effect, or once it has
 * been published for notice (`published:` on or before the as-of date).
 *
 * @param effective `YYYY-MM-DD` effective date.
 * @param frontmatter The version's frontmatter (`published` is read).
 * @param asOf `YYYY-MM-DD`.
 */
export function mustBeLocked(effective: CivilDate, frontmatter: Pick<Frontmatter, 'published'>, asOf: CivilDate): boolean {
  return effective <= asOf || (frontmatter.published !== undefined && frontmatter.published <= asOf);
}

/** The key of a version in the lock: `privacy-statement/2022-03-31`. */
export const lockKey = (document: string, effective: CivilDate) => `${document}/${effective}`;

/** Whether an entry was written in format 1 (a hash and a count of corrections only). */
export const isFormat1 = (entry: LockEntry) => entry.file === undefined;

/**
 * Read a lock file's versions (format 2, or format 1, or a mix); see parseLockFile.
 *
 * @param text The file's text.
 * @returns The entries with their lines.
 * @throws LockSyntaxError as parseLockFile.
 */
export function parseLock(text: string): Lock {
  return parseLockFile(text).versions;
}

/**
 * Read a lock file: its versions and its deep-link keys.
 *
 * @param text The file's text.
 * @returns The entries and keys with their lines; `links` is `undefined` when the lock has no `deepLinks`.
 * @throws LockSyntaxError with the line of the first problem (YAML syntax, a malformed key, an
 *   entry without a 64-digit `sha256`, an unknown key, a file name that does not match the key, a
 *   malformed date or correction, a deep-link key or target that is not kebab-case `document#anchor`).
 */
export function parseLockFile(text: string): LockFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  const error = document.errors[0];
  if (error) throw new LockSyntaxError(`Invalid YAML: ${error.message.split('\n')[0]}`, error.linePos?.[0].line ?? 1);
  const lock: Lock = new Map();
  let links: LockedLinks | undefined;
  if (document.contents === null) return { versions: lock, links };
  if (!isMap(document.contents)) throw new LockSyntaxError('The lock must map `document/YYYY-MM-DD` to an entry', 1);
  const lineOf = (node: unknown) => (isScalar(node) && node.range ? lineCounter.linePos(node.range[0]).line : 1);
  for (const pair of document.contents.items) {
    const line = lineOf(pair.key);
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key === DEEP_LINKS_KEY) {
      links = readLockedLinks(pair.value, line, lineOf);
      continue;
    }
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*\/\d{4}-\d{2}-\d{2}$/.test(key)) throw new LockSyntaxError(`"${key}" is not a version key (document/YYYY-MM-DD) nor \`${DEEP_LINKS_KEY}\``, line);
    const value = (pair.value as { toJSON?: () => unknown })?.toJSON?.();
    lock.set(key, readEntry(key, value, line));
  }
  return { versions: lock, links };
}

/**
 * Write a lock file in format 2: a header comment, the entries sorted by key, then the deep-link
 * keys sorted (left out when there are none).
 *
 * @param lock Every entry must be in format 2 (planLock writes no other).
 * @param links The deep-link keys and their targets (planLinks in lock-links.ts).
 * @returns YAML text ending in a newline; `parseLockFile` reads it back.
 * @throws Error for a format-1 entry, which has no file name to write.
 */
export function serializeLock(lock: Lock, links?: ReadonlyMap<string, LockedLink>): string {
  const header = [
    '# The published versions of every document, locked: a SHA-256 hash of each version\'s text, its file name,',
    '# dates and corrections. Written by `npm run lock`; do not edit by hand. See content/README.md, "Published versions are locked".',
  ];
  const byKey = <T>(entries: Iterable<[string, T]>) => [...entries].sort(([a], [b]) => (a < b ? -1 : 1));
  // Keys quoted too: a key of digits only (`2024`) must not read back as a number.
  const keys = byKey(links ?? []).map(([key, link]) => `  ${quote(key)}: ${quote(link.target)}`);
  const tail = keys.length > 0 ? ['# Every deep-link key of links.yaml, with its last target: a key is never removed (repoint it, or retire it to its document).', `${DEEP_LINKS_KEY}:`, ...keys] : [];
  return [...header, ...byKey(lock).flatMap(([key, entry]) => entryLines(key, entry)), ...tail, ''].join('\n');
}

/** A version as the lock needs to see it. */
export interface LockableVersion {
  document: string;
  effective: CivilDate;
  /** Path relative to the content folder, e.g. `privacy-statement/2022-03-31.mdx`. */
  path: string;
  frontmatter: Frontmatter;
  /** Whole file text. */
  text: string;
}

/**
 * The format-2 entry that records a version as it is now.
 *
 * @returns An entry with line 0.
 */
export function lockEntryOf(version: LockableVersion): LockEntry {
  const { published, lastUpdated, corrections } = version.frontmatter;
  const entry: LockEntry = { sha256: versionHash(version.text), file: version.path.split('/').at(-1)!, corrections: corrections?.length ?? 0, line: 0 };
  if (published !== undefined) entry.published = published;
  if (lastUpdated !== undefined) entry.lastUpdated = lastUpdated;
  if (corrections?.length) {
    const before = new Map(correctionHistoryOf(version.text, corrections).steps.map((step) => [step.index, versionHash(step.before)]));
    entry.correctionList = corrections.map(({ date, reason }, index) => (before.has(index) ? { date, reason, before: before.get(index)! } : { date, reason }));
  }
  return entry;
}

/** Something about a published version that the lock does not allow (rule id in `rule`). */
export type LockProblem =
  | { rule: 'lock-changed'; what: ('text' | 'published')[] }
  | { rule: 'lock-renamed'; locked: string; now: string }
  | { rule: 'lock-correction-removed'; locked: number; now: number }
  | { rule: 'lock-correction-rewritten'; index: number; locked: LockedCorrection; now: LockedCorrection }
  | { rule: 'lock-correction-order'; index: number; previous: CivilDate; date: CivilDate }
  | { rule: 'lock-correction-unrecorded'; index: number }
  | { rule: 'lock-correction-incomplete'; index: number }
  | { rule: 'lock-last-updated'; locked: CivilDate | undefined; now: CivilDate | undefined };

/**
 * How a version stands against its lock entry:
 * - `locked`: the entry records the version as it is;
 * - `migrate`: it matches a format-1 entry, which `npm run lock` rewrites in format 2;
 * - `draft`: not yet in effect nor published, and changed: `npm run lock` may lock it again;
 * - `corrected`: corrections were appended, dated in order: `npm run lock` records them;
 * - `refused`: a published version changed in a way the lock does not allow.
 */
export type LockVerdict =
  | { status: 'locked' | 'migrate' | 'draft' | 'corrected' }
  | { status: 'refused'; problems: LockProblem[] };

/**
 * Judge a version against its lock entry: the one rule shared by `npm run check` (rules/lock.ts)
 * and `npm run lock` (planLock). For a published version (mustBeLocked): the file name and
 * `published` never change; the locked corrections are a prefix of the version's corrections;
 * each new correction is dated on or after the one before it (the corrections rule checks that
 * it is on or after publication and not after the as-of date); without a new correction, the
 * hash and `lastUpdated` never change.
 *
 * @param version The version as it is now.
 * @param entry Its lock entry.
 * @param asOf `YYYY-MM-DD` of the check.
 */
export function judgeVersion(version: LockableVersion, entry: LockEntry, asOf: CivilDate): LockVerdict {
  const now = lockEntryOf(version);
  if (isFormat1(entry)) {
    const published = mustBeLocked(version.effective, version.frontmatter, asOf);
    const same = entry.sha256 === now.sha256 && entry.corrections === now.corrections;
    if (same) return { status: 'migrate' };
    if (!published) return { status: 'draft' };
    if (now.corrections < entry.corrections) return { status: 'refused', problems: [{ rule: 'lock-correction-removed', locked: entry.corrections, now: now.corrections }] };
    if (now.corrections === entry.corrections) return { status: 'refused', problems: [{ rule: 'lock-changed', what: ['text'] }] };
    const order = [...orderProblems(now.correctionList ?? [], entry.corrections), ...appendedEditProblems(now.correctionList ?? [], entry.corrections, entry.sha256)];
    return order.length > 0 ? { status: 'refused', problems: order } : { status: 'corrected' };
  }
  if (sameEntry(entry, now)) return { status: 'locked' };
  // A draft when it was locked (by the entry's own `published`): `npm run lock` may lock it again,
  // also to record the `published:` that announces it.
  if (!mustBeLocked(version.effective, entry, asOf)) return { status: 'draft' };
  const problems: LockProblem[] = [];
  if (entry.file !== now.file) problems.push({ rule: 'lock-renamed', locked: entry.file!, now: now.file! });
  const locked = entry.correctionList ?? [];
  const listed = now.correctionList ?? [];
  let rewritten = false;
  for (let index = 0; index < Math.min(locked.length, listed.length); index++) {
    if (!sameCorrection(locked[index]!, listed[index]!)) {
      rewritten = true;
      problems.push({ rule: 'lock-correction-rewritten', index, locked: locked[index]!, now: listed[index]! });
    }
  }
  if (listed.length < locked.length) problems.push({ rule: 'lock-correction-removed', locked: locked.length, now: listed.length });
  const appended = listed.length > locked.length && !rewritten;
  if (appended) problems.push(...orderProblems(listed, locked.length), ...appendedEditProblems(listed, locked.length, entry.sha256));
  const what: ('text' | 'published')[] = [];
  if (entry.published !== now.published) what.push('published');
  if (!appended && entry.sha256 !== now.sha256 && (what.length === 0 || textChangedBesidesPublished(version, entry))) what.unshift('text');
  if (what.length > 0) problems.push({ rule: 'lock-changed', what });
  if (!appended && entry.lastUpdated !== now.lastUpdated) problems.push({ rule: 'lock-last-updated', locked: entry.lastUpdated, now: now.lastUpdated });
  return problems.length > 0 ? { status: 'refused', problems } : { status: 'corrected' };
}

/** What `npm run lock` did or refused. Keys are `document/YYYY-MM-DD`. */
export interface LockPlan {
  /** The new lock. */
  lock: Lock;
  /** Versions locked for the first time. */
  added: string[];
  /** Locked versions whose entry was rewritten after a new correction. */
  corrected: string[];
  /** Versions not yet published whose draft text was locked again. */
  updatedDrafts: string[];
  /** Format-1 entries rewritten in format 2 (the version still matched its hash). */
  migrated: string[];
  /** Published versions that changed in a way the lock does not allow: left as they were. */
  refused: string[];
  /** Why each refused version was refused. */
  problems: Map<string, LockProblem[]>;
}

/**
 * Plan `npm run lock`: lock every version not in the lock yet; rewrite an existing entry only when
 * judgeVersion allows it (a draft, corrections appended in order, a format-1 entry still matching);
 * never remove an entry.
 *
 * @param versions Every version that passed the per-file checks.
 * @param lock The current lock (empty when there is none).
 * @param asOf `YYYY-MM-DD`.
 */
export function planLock(versions: readonly LockableVersion[], lock: Lock, asOf: CivilDate): LockPlan {
  const plan: LockPlan = { lock: new Map(lock), added: [], corrected: [], updatedDrafts: [], migrated: [], refused: [], problems: new Map() };
  for (const version of versions) {
    const key = lockKey(version.document, version.effective);
    const locked = lock.get(key);
    const entry = lockEntryOf(version);
    if (!locked) {
      plan.lock.set(key, entry);
      plan.added.push(key);
      continue;
    }
    const verdict = judgeVersion(version, locked, asOf);
    if (verdict.status === 'locked') continue;
    if (verdict.status === 'refused') {
      plan.refused.push(key);
      plan.problems.set(key, verdict.problems);
      continue;
    }
    if (locked.imported) entry.imported = true;
    plan.lock.set(key, entry);
    ({ migrate: plan.migrated, draft: plan.updatedDrafts, corrected: plan.corrected })[verdict.status].push(key);
  }
  return plan;
}

/** An entry of the base branch's lock that the working copy's lock removed or rewrote. */
export interface LockRewrite {
  /** `lock-entry-removed` or `lock-entry-rewritten`. */
  rule: 'lock-entry-removed' | 'lock-entry-rewritten' | 'lock-entry-backdated' | 'lock-entry-imported-late';
  /** `document/YYYY-MM-DD`. */
  key: string;
  /** Line of the entry in the base lock. */
  baseLine: number;
  /** Line of the entry in the new lock (0 when removed). */
  line: number;
  /** What changed, in words, e.g. `file: "2022-03-31.mdx" -> "2022-03-31.md"`. */
  changes: string[];
}

/**
 * Compare the lock of the base branch with a new lock (the pull-request check): an entry is never
 * removed, and the entry of a version published as of the base lock (or in effect at the as-of
 * date) is never rewritten, except that corrections may be appended (the base entry's corrections
 * are then a prefix of the new ones), which may change the hash and `lastUpdated`. The entry of a
 * version still a draft (upcoming and unpublished at the as-of date, by the base entry's
 * `published`) may change. A format-1 base entry is compared by what it records: its hash, and its
 * number of corrections, which may only grow.
 *
 * @param base The base branch's lock (empty when it had none).
 * @param next The new lock (empty when there is none).
 * @param asOf `YYYY-MM-DD` of the comparison.
 * @returns Every removed or rewritten entry, in base order.
 */
export function compareLocks(base: Lock, next: Lock, asOf: CivilDate): LockRewrite[] {
  const rewrites: LockRewrite[] = [];
  for (const [key, old] of base) {
    const entry = next.get(key);
    if (!entry) {
      rewrites.push({ rule: 'lock-entry-removed', key, baseLine: old.line, line: 0, changes: [] });
      continue;
    }
    if (!isFormat1(old) && !mustBeLocked(key.slice(-10), old, asOf)) continue;
    const changes = entryChanges(old, entry);
    if (changes.length > 0) rewrites.push({ rule: 'lock-entry-rewritten', key, baseLine: old.line, line: entry.line, changes });
  }
  // A version first locked on or after its effective date took effect without notice, unless it
  // was locked as history on purpose.
  // History is what came before: an imported version dated after the one the base branch already
  // had in force would replace, from its date on, a text readers were reading.
  const inForce = new Map<string, string>();
  for (const key of base.keys()) {
    const [document, date] = [key.slice(0, -11), key.slice(-10)];
    if (date <= asOf && date > (inForce.get(document) ?? '')) inForce.set(document, date);
  }
  for (const [key, entry] of next) {
    if (base.has(key) || key.slice(-10) > asOf) continue;
    if (!entry.imported) rewrites.push({ rule: 'lock-entry-backdated', key, baseLine: 0, line: entry.line, changes: [] });
    else if (inForce.has(key.slice(0, -11)) && key.slice(-10) > inForce.get(key.slice(0, -11))!) rewrites.push({ rule: 'lock-entry-imported-late', key, baseLine: 0, line: entry.line, changes: [] });
  }
  return rewrites;
}

/** What changed between a base entry and a new one, as `field: old -> new` phrases (empty when allowed). */
function entryChanges(old: LockEntry, entry: LockEntry): string[] {
  const show = (value: unknown) => (value === undefined ? 'none' : JSON.stringify(value));
  const changes: string[] = [];
  if (isFormat1(old)) {
    if (entry.corrections < old.corrections) changes.push(`corrections: ${old.corrections} -> ${entry.corrections}`);
    else if (entry.corrections === old.corrections && entry.sha256 !== old.sha256) changes.push(`sha256: ${show(old.sha256)} -> ${show(entry.sha256)}`);
    return changes;
  }
  if (isFormat1(entry)) return ['written again in the old format (format 1), which records neither the file name nor the corrections'];
  for (const field of ['file', 'published'] as const) if (old[field] !== entry[field]) changes.push(`${field}: ${show(old[field])} -> ${show(entry[field])}`);
  const locked = old.correctionList ?? [];
  const listed = entry.correctionList ?? [];
  locked.forEach((correction, index) => {
    const now = listed[index];
    if (!now) changes.push(`correction ${index + 1} (${correction.date}) removed`);
    else if (!sameCorrection(correction, now)) changes.push(`correction ${index + 1}: ${show(correction)} -> ${show(now)}`);
  });
  const appended = changes.length === 0 && listed.length > locked.length;
  if (appended && listed[locked.length]!.before !== old.sha256) {
    changes.push(`correction ${locked.length + 1} (${listed[locked.length]!.date}) records the text before it as ${show(listed[locked.length]!.before)}, not the hash ${show(old.sha256)} locked on the base branch`);
  }
  if (!appended) {
    if (old.sha256 !== entry.sha256) changes.push(`sha256: ${show(old.sha256)} -> ${show(entry.sha256)} without a new correction`);
    if (old.lastUpdated !== entry.lastUpdated) changes.push(`lastUpdated: ${show(old.lastUpdated)} -> ${show(entry.lastUpdated)} without a new correction`);
  }
  return changes;
}

/**
 * Whether the corrections appended from `from` on list their edits, and whether undoing them gives
 * the text the lock recorded: the first appended correction's `before` is the locked hash.
 */
function appendedEditProblems(list: readonly LockedCorrection[], from: number, lockedHash: string): LockProblem[] {
  const problems: LockProblem[] = [];
  for (let index = from; index < list.length; index++) {
    if (list[index]!.before === undefined) problems.push({ rule: 'lock-correction-unrecorded', index });
  }
  if (problems.length === 0 && list[from]!.before !== lockedHash) problems.push({ rule: 'lock-correction-incomplete', index: from });
  return problems;
}

/** Order problems of the corrections from `from` on: each dated on or after the one before it. */
function orderProblems(list: readonly LockedCorrection[], from: number): LockProblem[] {
  const problems: LockProblem[] = [];
  for (let index = Math.max(from, 1); index < list.length; index++) {
    const previous = list[index - 1]!.date;
    if (list[index]!.date < previous) problems.push({ rule: 'lock-correction-order', index, previous, date: list[index]!.date });
  }
  return problems;
}

const sameCorrection = (a: LockedCorrection, b: LockedCorrection) => a.date === b.date && a.reason === b.reason && a.before === b.before;

function sameEntry(a: LockEntry, b: LockEntry): boolean {
  const listA = a.correctionList ?? [];
  const listB = b.correctionList ?? [];
  return a.sha256 === b.sha256 && a.file === b.file && a.published === b.published && a.lastUpdated === b.lastUpdated
    && listA.length === listB.length && listA.every((c, i) => sameCorrection(c, listB[i]!));
}

/** Validate the lock's `deepLinks` map: kebab-case key -> `document` or `document#anchor`. */
function readLockedLinks(value: unknown, line: number, lineOf: (node: unknown) => number): LockedLinks {
  const links: LockedLinks = new Map();
  if (value === null || (isScalar(value) && value.value === null)) return links;
  if (!isMap(value)) throw new LockSyntaxError(`\`${DEEP_LINKS_KEY}\` is not a map of deep-link keys to targets`, line);
  for (const pair of value.items) {
    const at = lineOf(pair.key);
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const target = isScalar(pair.value) ? pair.value.value : undefined;
    if (!deepLinkKeyPattern.test(key)) throw new LockSyntaxError(`"${key}" is not a deep-link key (kebab-case)`, at);
    if (typeof target !== 'string' || !deepLinkTargetPattern.test(target)) throw new LockSyntaxError(`The deep link "${key}" has no valid target (expected "document" or "document#anchor")`, at);
    links.set(key, { target, line: at });
  }
  return links;
}

const ENTRY_KEYS = ['sha256', 'file', 'published', 'lastUpdated', 'corrections', 'imported'];

/** Validate one entry's value (format 1 or 2). */
function readEntry(key: string, value: unknown, line: number): LockEntry {
  const fail = (problem: string): never => {
    throw new LockSyntaxError(`The entry "${key}" ${problem}`, line);
  };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return fail('is not a map of sha256, file, published, lastUpdated and corrections');
  const fields = value as Record<string, unknown>;
  const unknown = Object.keys(fields).find((name) => !ENTRY_KEYS.includes(name));
  if (unknown !== undefined) fail(`has an unknown key "${unknown}"`);
  if (typeof fields.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(fields.sha256)) fail('has no valid sha256');
  const sha256 = fields.sha256 as string;
  if (fields.file === undefined) {
    // Format 1: `sha256` and a count of corrections, nothing else.
    if (!Number.isInteger(fields.corrections) || (fields.corrections as number) < 0) fail('has no valid corrections count');
    if (fields.published !== undefined || fields.lastUpdated !== undefined) fail('has dates but no file name');
    return { sha256, corrections: fields.corrections as number, line };
  }
  const date = key.slice(-10);
  if (fields.file !== `${date}.md` && fields.file !== `${date}.mdx`) fail(`has file ${JSON.stringify(fields.file)}, not ${date}.md or ${date}.mdx`);
  const entry: LockEntry = { sha256, file: fields.file as string, corrections: 0, line };
  if (fields.imported !== undefined) {
    if (fields.imported !== true) fail('has `imported` that is not true');
    entry.imported = true;
  }
  for (const field of ['published', 'lastUpdated'] as const) {
    const found = fields[field];
    if (found === undefined) continue;
    if (typeof found !== 'string' || !isCivilDate(found)) fail(`has an invalid ${field} (expected "YYYY-MM-DD")`);
    entry[field] = found as CivilDate;
  }
  if (fields.corrections !== undefined) {
    const list = fields.corrections;
    const valid = (c: unknown): c is LockedCorrection => !!c && typeof c === 'object' && ['before,date,reason', 'date,reason'].includes(Object.keys(c).sort().join())
      && typeof (c as LockedCorrection).date === 'string' && isCivilDate((c as LockedCorrection).date) && typeof (c as LockedCorrection).reason === 'string'
      && ((c as LockedCorrection).before === undefined || (typeof (c as LockedCorrection).before === 'string' && /^[0-9a-f]{64}$/.test((c as LockedCorrection).before!)));
    if (!Array.isArray(list) || list.length === 0 || !list.every(valid)) fail('has corrections that are not a list of { date: "YYYY-MM-DD", reason, before: sha256 }');
    entry.correctionList = (list as LockedCorrection[]).map(({ date: day, reason, before }) => (before === undefined ? { date: day, reason } : { date: day, reason, before }));
    entry.corrections = entry.correctionList.length;
  }
  return entry;
}

/** The YAML lines of one format-2 entry. */
function entryLines(key: string, entry: LockEntry): string[] {
  if (isFormat1(entry)) throw new Error(`The lock entry ${key} has no file name: only format-2 entries are written`);
  const lines = [`${key}:`, `  sha256: ${quote(entry.sha256)}`, `  file: ${quote(entry.file!)}`];
  if (entry.published !== undefined) lines.push(`  published: ${quote(entry.published)}`);
  if (entry.imported) lines.push('  imported: true');
  if (entry.lastUpdated !== undefined) lines.push(`  lastUpdated: ${quote(entry.lastUpdated)}`);
  if (entry.correctionList?.length) {
    lines.push('  corrections:');
    for (const { date, reason, before } of entry.correctionList) {
      lines.push(`    - date: ${quote(date)}`, `      reason: ${quote(reason)}`);
      if (before !== undefined) lines.push(`      before: ${quote(before)}`);
    }
  }
  return lines;
}

/** A YAML double-quoted scalar on one line, escaped by the YAML library (so any reason reads back as written). */
const quote = (value: string) => stringify(value, { defaultStringType: 'QUOTE_DOUBLE', lineWidth: 0 }).trimEnd();

/** The frontmatter data (minus unhashedKeys) and the body that versionHash hashes. */
function hashedParts(text: string): { data: Record<string, unknown>; body: string } {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const raw = readFrontmatter(normalised);
  if (isFrontmatterSyntaxError(raw)) return { data: {}, body: normalised };
  const data = Object.fromEntries(Object.entries(raw.data).filter(([key]) => !unhashedKeys.includes(key)));
  return { data, body: normalised.split('\n').slice(raw.endLine).join('\n') };
}

function hashOf(data: Record<string, unknown>, body: string): string {
  const canonical = `frontmatter ${canonicalJson(data)}\nbody\n${body.replace(/\s+$/, '')}\n`;
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Whether the text changed apart from `published`: the hash of the version with the locked `published` put back. */
function textChangedBesidesPublished(version: LockableVersion, entry: LockEntry): boolean {
  const { data, body } = hashedParts(version.text);
  const { published: _now, ...rest } = data;
  return hashOf(entry.published === undefined ? rest : { ...rest, published: entry.published }, body) !== entry.sha256;
}

/** JSON with object keys sorted at every level, so equal data always gives equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
