/**
 * Renamed documents in the lock (issue 13, "Deep links"): a document renamed in `documents.yaml`
 * lists its old ids under `formerIds`, and its versions locked under an old id are the same
 * versions under the new one. The hash never included the id (versionHash hashes the text), so an
 * entry moves to the new key unchanged: same hash, file name, dates and corrections. The check,
 * `npm run lock` (which writes the moved keys) and `npm run lock -- --compare` read the lock
 * through `underCurrentIds`; a rename without `formerIds` still finds its versions unlocked and
 * its old entries removed, and `lockedUnderOtherId` names the entry so the message can say
 * to add `formerIds: [old]`. See docs/decisions/0011-former-document-ids.md.
 */
import type { DocumentEntry } from '../content/schemas.ts';
import { lockKey, versionHash, type Lock, type LockableVersion, type LockEntry } from './lock.ts';

/** An entry read under a former id: its key in the lock file and the key it is now read under. */
export interface MovedEntry {
  /** `old-id/YYYY-MM-DD`, as the lock file has it. */
  from: string;
  /** `new-id/YYYY-MM-DD`. */
  to: string;
}

/**
 * The lock as the registry's current ids see it: each entry whose document is a former id of a
 * registered document is read under that document's id, at the same date. When the lock already
 * has an entry under the new key, that entry stays; the old one is dropped if it records the same
 * text (a lock written once for each id), else kept under its old key, where the check reports it
 * as a removed version (two texts for one version are never merged).
 *
 * @param lock The lock as parsed (keys `document/YYYY-MM-DD`).
 * @param documents Registry entries (`id`, `formerIds`).
 * @returns `lock`: a new map in the lock's order with moved keys; `moved`: every entry read under a
 *   new key (or dropped as a copy of it), in lock order.
 */
export function underCurrentIds(lock: Lock, documents: readonly Pick<DocumentEntry, 'id' | 'formerIds'>[]): { lock: Lock; moved: MovedEntry[] } {
  const renamedTo = formerIdMap(documents);
  const result: Lock = new Map();
  const moved: MovedEntry[] = [];
  for (const [key, entry] of lock) {
    const [document = '', date = ''] = key.split('/');
    const id = renamedTo.get(document);
    if (id === undefined) {
      if (!result.has(key)) result.set(key, entry);
      continue;
    }
    const to = lockKey(id, date);
    const there = lock.get(to) ?? result.get(to);
    if (there === undefined) {
      result.set(to, entry);
      moved.push({ from: key, to });
    } else if (there.sha256 === entry.sha256) {
      moved.push({ from: key, to });
    } else {
      result.set(key, entry);
    }
  }
  return { lock: result, moved };
}

/**
 * Former id -> current id of every renamed document.
 *
 * @param documents Registry entries; a former id that is also a current id (refused by rule
 *   `registry-former-id`) is left out, so the registered document keeps its own entries.
 */
export function formerIdMap(documents: readonly Pick<DocumentEntry, 'id' | 'formerIds'>[]): Map<string, string> {
  const ids = new Set(documents.map((d) => d.id));
  const map = new Map<string, string>();
  for (const document of documents) {
    for (const former of document.formerIds ?? []) if (!ids.has(former) && !map.has(former)) map.set(former, document.id);
  }
  return map;
}

/**
 * The lock entry of a version renamed without `formerIds`: an entry at the same date, under an id
 * no registered document has, that records the same text.
 *
 * @param lock The lock (as underCurrentIds returns it).
 * @param version A version that has no entry under its own key.
 * @param registered The registry's current ids.
 * @returns The entry's key, e.g. `old-id/2024-03-01`, or `undefined`.
 */
export function lockedUnderOtherId(lock: Lock, version: LockableVersion, registered: ReadonlySet<string>): string | undefined {
  const hash = versionHash(version.text);
  for (const [key, entry] of lock) {
    const [document = '', date] = key.split('/');
    if (date === version.effective && document !== version.document && !registered.has(document) && entry.sha256 === hash) return key;
  }
  return undefined;
}

/**
 * The entry a removed lock entry was rewritten as, when its document was renamed without
 * `formerIds` (for `npm run lock -- --compare`): an entry of the new lock at the same date, under a
 * registered id, with the same hash, while the removed entry's id is registered no more.
 *
 * @param next The new lock.
 * @param key The removed entry's key, e.g. `old-id/2024-03-01`.
 * @param entry The removed entry (its `sha256` is compared).
 * @param registered The registry's current ids.
 * @returns The new lock's key, e.g. `new-id/2024-03-01`, or `undefined`.
 */
export function twinUnderOtherId(next: Lock, key: string, entry: Pick<LockEntry, 'sha256'>, registered: ReadonlySet<string>): string | undefined {
  const [document = '', date] = key.split('/');
  if (registered.has(document)) return undefined;
  for (const [other, candidate] of next) {
    const [id = ''] = other.split('/');
    if (other.endsWith(`/${date}`) && id !== document && registered.has(id) && candidate.sha256 === entry.sha256) return other;
  }
  return undefined;
}

/**
 * The advice for a document renamed without `formerIds`.
 *
 * @param from The id the lock has, e.g. `terms`.
 * @param to The id the registry has now, e.g. `terms-of-use`.
 * @param registry Display path of the registry, e.g. `content/documents.yaml`.
 * @returns One sentence ending in a full stop.
 */
export function renameAdvice(from: string, to: string, registry: string): string {
  return `If the document "${from}" was renamed "${to}", add \`formerIds: [${from}]\` to the entry for "${to}" in ${registry}: the lock then reads its versions under the new id, and every old address redirects to the new one.`;
}
