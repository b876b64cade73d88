/**
 * The lock: `content/versions.lock` records a SHA-256 hash of each published version's text, so a
 * published version can never change silently (issue 6; decision record docs/decisions/0006-version-lock.md).
 *
 * What is hashed: the version's body (everything after the frontmatter) and its frontmatter
 * except `corrections` and `lastUpdated`, after normalising line endings to LF, removing a byte
 * order mark and trailing blank lines. Frontmatter is compared as data (key order, quoting and
 * YAML comments do not count). So a correction can be recorded in the frontmatter without
 * touching the hash, while any change to the text, the summary, the material flag, the title or
 * the publication date changes it.
 *
 * Format (YAML, one entry per version, sorted):
 *
 *     privacy-statement/2022-03-31:
 *       sha256: "3b1f…"      (quoted: a hash of digits only must not read as a number)
 *       corrections: 0
 *
 * `corrections` is how many corrections the version listed when it was locked: the hash may be
 * rewritten only when the version lists more (a new correction), never otherwise.
 */
import { createHash } from 'node:crypto';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { CivilDate } from './dates.ts';
import { isFrontmatterSyntaxError, readFrontmatter } from './frontmatter.ts';
import type { Frontmatter } from './schemas.ts';

/** Name of the lock file in the content folder. */
export const LOCK_FILE = 'versions.lock';

/** Frontmatter keys left out of the hash: they record corrections rather than state the text. */
export const unhashedKeys: readonly string[] = ['corrections', 'lastUpdated'];

/** What the lock records of one version. */
export interface LockEntry {
  /** Hex SHA-256 of the normalised text (see versionHash). */
  sha256: string;
  /** Number of corrections the version listed when it was locked. */
  corrections: number;
  /** 1-based line of the entry in the lock file (0 for entries not read from a file). */
  line: number;
}

/** The lock: `document/YYYY-MM-DD` -> entry. */
export type Lock = Map<string, LockEntry>;

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
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const raw = readFrontmatter(normalised);
  let data: Record<string, unknown> = {};
  let body = normalised;
  if (!isFrontmatterSyntaxError(raw)) {
    data = Object.fromEntries(Object.entries(raw.data).filter(([key]) => !unhashedKeys.includes(key)));
    body = normalised.split('\n').slice(raw.endLine).join('\n');
  }
  const canonical = `frontmatter ${canonicalJson(data)}\nbody\n${body.replace(/\s+$/, '')}\n`;
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * Whether a version must be in the lock at an as-of date: once it has taken effect, or once it has
 * been published for notice (`published:` on or before the as-of date).
 *
 * @param effective `YYYY-MM-DD` effective date.
 * @param frontmatter The version's frontmatter (`published` is read).
 * @param asOf `YYYY-MM-DD`.
 */
export function mustBeLocked(effective: CivilDate, frontmatter: Frontmatter, asOf: CivilDate): boolean {
  return effective <= asOf || (frontmatter.published !== undefined && frontmatter.published <= asOf);
}

/** The key of a version in the lock: `privacy-statement/2022-03-31`. */
export const lockKey = (document: string, effective: CivilDate) => `${document}/${effective}`;

/**
 * Read a lock file.
 *
 * @param text The file's text.
 * @returns The entries with their lines.
 * @throws LockSyntaxError with the line of the first problem (YAML syntax, an entry without a
 *   64-digit `sha256`, a `corrections` that is not a whole number, a malformed key).
 */
export function parseLock(text: string): Lock {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  const error = document.errors[0];
  if (error) throw new LockSyntaxError(`Invalid YAML: ${error.message.split('\n')[0]}`, error.linePos?.[0].line ?? 1);
  const lock: Lock = new Map();
  if (document.contents === null) return lock;
  if (!isMap(document.contents)) throw new LockSyntaxError('The lock must map `document/YYYY-MM-DD` to an entry', 1);
  for (const pair of document.contents.items) {
    const line = isScalar(pair.key) && pair.key.range ? lineCounter.linePos(pair.key.range[0]).line : 1;
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*\/\d{4}-\d{2}-\d{2}$/.test(key)) throw new LockSyntaxError(`"${key}" is not a version key (document/YYYY-MM-DD)`, line);
    const value = (pair.value as { toJSON?: () => unknown })?.toJSON?.() as { sha256?: unknown; corrections?: unknown } | undefined;
    if (typeof value?.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(value.sha256)) throw new LockSyntaxError(`The entry "${key}" has no valid sha256`, line);
    if (!Number.isInteger(value.corrections) || (value.corrections as number) < 0) throw new LockSyntaxError(`The entry "${key}" has no valid corrections count`, line);
    lock.set(key, { sha256: value.sha256, corrections: value.corrections as number, line });
  }
  return lock;
}

/**
 * Write a lock file: a header comment, then the entries sorted by key.
 *
 * @returns YAML text ending in a newline; `parseLock` reads it back.
 */
export function serializeLock(lock: Lock): string {
  const header = [
    '# The published versions of every document, locked: a SHA-256 hash of each version\'s text.',
    '# Written by `npm run lock`; do not edit by hand. See content/README.md, "Published versions are locked".',
  ];
  const entries = [...lock].sort(([a], [b]) => (a < b ? -1 : 1));
  return [...header, ...entries.flatMap(([key, entry]) => [`${key}:`, `  sha256: "${entry.sha256}"`, `  corrections: ${entry.corrections}`]), ''].join('\n');
}

/** A version as the lock needs to see it. */
export interface LockableVersion {
  document: string;
  effective: CivilDate;
  frontmatter: Frontmatter;
  /** Whole file text. */
  text: string;
}

/** What `npm run lock` did or refused. Keys are `document/YYYY-MM-DD`. */
export interface LockPlan {
  /** The new lock. */
  lock: Lock;
  /** Versions locked for the first time. */
  added: string[];
  /** Locked versions whose hash was rewritten after a new correction. */
  corrected: string[];
  /** Versions not yet published whose draft text was locked again. */
  updatedDrafts: string[];
  /** Published versions whose text changed without a new correction: left as they were. */
  refused: string[];
}

/**
 * Plan `npm run lock`: lock every version not in the lock yet; rewrite an existing hash only when
 * the version lists more corrections than when it was locked, or when it is not yet published
 * (see mustBeLocked); never remove an entry.
 *
 * @param versions Every version that passed the per-file checks.
 * @param lock The current lock (empty when there is none).
 * @param asOf `YYYY-MM-DD`.
 */
export function planLock(versions: readonly LockableVersion[], lock: Lock, asOf: CivilDate): LockPlan {
  const plan: LockPlan = { lock: new Map(lock), added: [], corrected: [], updatedDrafts: [], refused: [] };
  for (const version of versions) {
    const key = lockKey(version.document, version.effective);
    const entry: LockEntry = { sha256: versionHash(version.text), corrections: version.frontmatter.corrections?.length ?? 0, line: 0 };
    const locked = lock.get(key);
    if (!locked) {
      plan.lock.set(key, entry);
      plan.added.push(key);
    } else if (locked.sha256 === entry.sha256 && locked.corrections === entry.corrections) {
      continue;
    } else if (!mustBeLocked(version.effective, version.frontmatter, asOf)) {
      plan.lock.set(key, entry);
      plan.updatedDrafts.push(key);
    } else if (entry.corrections > locked.corrections) {
      plan.lock.set(key, entry);
      plan.corrected.push(key);
    } else if (locked.sha256 !== entry.sha256) {
      plan.refused.push(key);
    }
  }
  return plan;
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
