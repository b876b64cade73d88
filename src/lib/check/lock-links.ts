/**
 * Deep-link keys in the lock (issue 13, "Keys are a contract"): apps call `/go/<key>/`, so a key of
 * `content/links.yaml` that the lock has recorded never disappears. It may be repointed
 * (`key: document#anchor`) or retired to its document's top (`key: document`, which always lands:
 * a document keeps its URL); removing or renaming it is an error, caught without git history
 * because the lock remembers every key and its last target (docs/decisions/0005-deep-links-and-notice.md).
 *
 * Shared by `npm run check` (rules/lock.ts), `npm run lock` (scripts/lock.ts, planLinks) and the
 * pull-request comparison (`npm run lock -- --compare`, droppedLinks).
 */
import type { DeepLink } from '../site/deep-links.ts';
import type { LockedLink, LockedLinks } from './lock.ts';

/**
 * The target of a deep link as links.yaml writes it and the lock records it.
 *
 * @returns `document` or `document#anchor`, e.g. `privacy-statement#your-rights`.
 */
export const targetOf = (link: Pick<DeepLink, 'document' | 'anchor'>): string => (link.anchor === undefined ? link.document : `${link.document}#${link.anchor}`);

/** How the keys of links.yaml stand against the lock. */
export interface LinkVerdict {
  /** Links whose key the lock does not record yet (`npm run lock` records them). */
  unlocked: DeepLink[];
  /** Links that point elsewhere than the lock recorded (allowed: `npm run lock` records the new target). */
  repointed: { link: DeepLink; locked: LockedLink }[];
  /** Keys the lock records that links.yaml no longer lists: refused. */
  removed: { key: string; locked: LockedLink }[];
}

/**
 * Compare the keys of links.yaml with the keys the lock records.
 *
 * @param links The well-formed links of links.yaml (empty when there is no links.yaml).
 * @param keys Every key links.yaml lists, well-formed or not: a key whose target is malformed is
 *   reported by its own rule (`deep-link-schema`), not as removed.
 * @param locked The lock's keys (empty for a lock written before keys were recorded).
 */
export function judgeLinks(links: readonly DeepLink[], keys: readonly string[], locked: LockedLinks): LinkVerdict {
  const verdict: LinkVerdict = { unlocked: [], repointed: [], removed: [] };
  for (const link of links) {
    const entry = locked.get(link.key);
    if (!entry) verdict.unlocked.push(link);
    else if (entry.target !== targetOf(link)) verdict.repointed.push({ link, locked: entry });
  }
  const listed = new Set(keys);
  for (const [key, entry] of locked) if (!listed.has(key)) verdict.removed.push({ key, locked: entry });
  return verdict;
}

/** What `npm run lock` does with the deep-link keys. */
export interface LinkPlan {
  /** The keys the new lock records: every locked key (removed ones too, with their last target) and every key of links.yaml. */
  links: LockedLinks;
  /** Keys recorded for the first time. */
  added: string[];
  /** Keys whose target changed: the new lock records the new one. */
  repointed: { key: string; from: string; to: string }[];
  /** Locked keys links.yaml no longer lists: kept in the lock, and refused (exit 1). */
  removed: { key: string; target: string }[];
}

/**
 * Plan the deep-link keys of `npm run lock`: record every key of links.yaml with its target; keep
 * every key already locked, even one links.yaml dropped (the check keeps reporting it).
 *
 * @param links The links of links.yaml (the check found no error in it), or `undefined` without links.yaml.
 * @param locked The lock's keys (`undefined` for a lock written before keys were recorded).
 */
export function planLinks(links: readonly DeepLink[] | undefined, locked: LockedLinks | undefined): LinkPlan {
  const before = locked ?? new Map<string, LockedLink>();
  const verdict = judgeLinks(links ?? [], (links ?? []).map((l) => l.key), before);
  const next: LockedLinks = new Map(before);
  for (const link of links ?? []) next.set(link.key, { target: targetOf(link), line: 0 });
  return {
    links: next,
    added: verdict.unlocked.map((l) => l.key),
    repointed: verdict.repointed.map(({ link, locked: entry }) => ({ key: link.key, from: entry.target, to: targetOf(link) })),
    removed: verdict.removed.map(({ key, locked: entry }) => ({ key, target: entry.target })),
  };
}

/** A deep-link key of the base branch's lock that the new lock no longer records (`lock-link-entry-removed`). */
export interface DroppedLink {
  rule: 'lock-link-entry-removed';
  key: string;
  /** Its target in the base lock. */
  target: string;
  /** Line of the key in the base lock. */
  baseLine: number;
}

/**
 * Compare the deep-link keys of the base branch's lock with a new lock (the pull-request check): a
 * key is never dropped; its target may change.
 *
 * @param base The base lock's keys (`undefined` when it recorded none).
 * @param next The new lock's keys (`undefined` when it records none, or there is no lock).
 * @returns Every dropped key, in base order.
 */
export function droppedLinks(base: LockedLinks | undefined, next: LockedLinks | undefined): DroppedLink[] {
  return [...(base ?? [])].filter(([key]) => !next?.has(key)).map(([key, entry]) => ({ rule: 'lock-link-entry-removed', key, target: entry.target, baseLine: entry.line }));
}
