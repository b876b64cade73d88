/**
 * What a pull request does to deep links (issue 13), for the pull-request summary: each key of
 * `links.yaml` added, repointed or removed, and each anchor that a current or upcoming version no
 * longer has, whether or not a key uses it (an app or an e-mail may link to it directly).
 *
 * An anchor "disappears" from a version that is current or upcoming at the as-of date when the
 * version no longer lands on it (neither a heading's anchor nor a former anchor, as
 * src/lib/site/deep-links.ts's landingAnchor reads them) although it did before the pull request:
 * - a version the pull request changed, compared with its own text on the base;
 * - a version the pull request adds, compared with the version before it (on the base when that one
 *   existed there): the anchor goes on the new version's effective date.
 */
import type { Root } from 'mdast';
import type { CivilDate } from '../dates.ts';
import { formerAnchorsAt, headingAnchors, type FormerAnchors } from '../content/anchors.ts';
import { placeVersions } from '../site/timeline.ts';
import type { DeepLink } from '../site/deep-links.ts';

/** A version with what deep links need of it. */
export interface AnchoredVersion {
  document: string;
  effective: CivilDate;
  /** Its parsed text (version-source.ts). */
  tree: Root;
  /** `formerAnchors` of its frontmatter. */
  formerAnchors: FormerAnchors | undefined;
}

/** One side of the comparison: the base or the pull request. */
export interface DeepLinkSide {
  /** The links of links.yaml (empty when there is none). */
  links: readonly DeepLink[];
  /** Every key links.yaml lists, well-formed or not; `undefined` when it cannot be read. */
  keys: readonly string[] | undefined;
  /** Every version, of every document. */
  versions: readonly AnchoredVersion[];
}

/** An anchor that a current or upcoming version no longer lands on. */
export interface VanishedAnchor {
  document: string;
  /** The version that lacks it, `YYYY-MM-DD`, and its status at the as-of date. */
  effective: CivilDate;
  status: 'current' | 'upcoming';
  anchor: string;
  /** Keys of the pull request's links.yaml that point at it, sorted. */
  keys: string[];
}

/** What changed for deep links between the base and the pull request. */
export interface DeepLinkChanges {
  added: { key: string; target: string }[];
  repointed: { key: string; from: string; to: string }[];
  removed: { key: string; target: string }[];
  /** In document, version and anchor order. */
  vanished: VanishedAnchor[];
}

/**
 * Compare deep links and anchors between the base and the pull request.
 *
 * @param base The base's links and versions.
 * @param head The pull request's links and versions.
 * @param changed `document/YYYY-MM-DD` of each version whose file the pull request added or changed.
 * @param asOf `YYYY-MM-DD`: decides which versions are current or upcoming (on the pull request's side).
 * @returns Keys in file order of links.yaml (removed ones in the base's order), anchors sorted.
 */
export function deepLinkChanges(base: DeepLinkSide, head: DeepLinkSide, changed: ReadonlySet<string>, asOf: CivilDate): DeepLinkChanges {
  const changes: DeepLinkChanges = { added: [], repointed: [], removed: [], vanished: [] };
  const before = new Map(base.links.map((link) => [link.key, target(link)]));
  if (base.keys && head.keys) {
    const baseKeys = new Set(base.keys);
    for (const link of head.links) {
      const was = before.get(link.key);
      if (!baseKeys.has(link.key)) changes.added.push({ key: link.key, target: target(link) });
      else if (was !== undefined && was !== target(link)) changes.repointed.push({ key: link.key, from: was, to: target(link) });
    }
    const headKeys = new Set(head.keys);
    for (const link of base.links) if (!headKeys.has(link.key)) changes.removed.push({ key: link.key, target: target(link) });
  }
  const baseAnchors = landingSets(base.versions);
  const headAnchors = landingSets(head.versions);
  const documents = [...new Set(head.versions.map((v) => v.document))].sort();
  for (const document of documents) {
    const placed = placeVersions(head.versions.filter((v) => v.document === document), asOf);
    placed.forEach((version, index) => {
      const key = `${document}/${version.effective}`;
      if (version.status === 'archived' || !changed.has(key)) return;
      const previous = placed[index - 1];
      const reference = baseAnchors.get(key) ?? (previous ? baseAnchors.get(`${document}/${previous.effective}`) ?? headAnchors.get(`${document}/${previous.effective}`) : undefined);
      const now = headAnchors.get(key)!;
      for (const anchor of [...(reference ?? [])].sort()) {
        if (now.has(anchor)) continue;
        const keys = head.links.filter((l) => l.document === document && l.anchor === anchor).map((l) => l.key).sort();
        changes.vanished.push({ document, effective: version.effective, status: version.status as 'current' | 'upcoming', anchor, keys });
      }
    });
  }
  return changes;
}

const target = (link: Pick<DeepLink, 'document' | 'anchor'>) => (link.anchor === undefined ? link.document : `${link.document}#${link.anchor}`);

/** `document/YYYY-MM-DD` -> every anchor a link lands on in that version: its headings' and the former anchors in force. */
function landingSets(versions: readonly AnchoredVersion[]): Map<string, Set<string>> {
  const sets = new Map<string, Set<string>>();
  for (const document of new Set(versions.map((v) => v.document))) {
    const own = [...versions.filter((v) => v.document === document)].sort((a, b) => (a.effective < b.effective ? -1 : 1));
    own.forEach((version, index) => {
      const ids = new Set(headingAnchors(version.tree).map((h) => h.id));
      const former = formerAnchorsAt(own.slice(0, index + 1).map((v) => v.formerAnchors), ids);
      sets.set(`${document}/${version.effective}`, new Set([...ids, ...Object.keys(former)]));
    });
  }
  return sets;
}
