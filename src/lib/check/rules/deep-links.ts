/**
 * Content rule: every deep link in `links.yaml` resolves, in the current version and in every
 * upcoming version of its document (issue 5). Archived versions keep their own anchors and are not
 * checked: links always open the current version.
 *
 * Rule ids: `deep-link-yaml`, `deep-link-schema`, `deep-link-comment` (see src/lib/site/deep-links.ts), `deep-link-document` (no such
 * document), `deep-link-anchor` (a current or upcoming version lacks the anchor; error),
 * `deep-link-former-anchor` (the anchor is a former id of a renamed section; warning),
 * `document-id-reserved` (a document id that would shadow the site's own routes).
 */
import { formerAnchorsAt, headingAnchors } from '../../content/anchors.ts';
import { choicesMessage } from '../../editor-messages.ts';
import type { CheckedVersion, ContentRule } from '../rule.ts';
import { landingAnchor } from '../../site/deep-links.ts';
import type { Diagnostic } from '../../diagnostics.ts';
import { placeVersions } from '../../site/timeline.ts';
import { reservedDocumentIds } from '../../content/registry.ts';

export { reservedDocumentIds };

/**
 * Check `links.yaml` against the documents and the anchors of their current and upcoming versions.
 *
 * @returns Diagnostics on links.yaml lines, each naming key, document, anchor and the version's file.
 */
export const deepLinkRule: ContentRule = ({ sources, documents, versions, links, asOf, display, registryLine }) => {
  const diagnostics: Diagnostic[] = [];
  for (const document of documents) {
    if (reservedDocumentIds.includes(document.id)) {
      diagnostics.push({ file: display('documents.yaml'), line: registryLine(document.id), column: 1, ruleId: 'document-id-reserved', severity: 'error', message: `The document id "${document.id}" is reserved for the site's own pages (${reservedDocumentIds.join(', ')}). Choose another id.` });
    }
  }
  if (!sources.links || !links) return diagnostics;
  const file = display(sources.links.path);
  const read = links;
  diagnostics.push(...read.diagnostics);
  const ids = new Set(documents.map((d) => d.id));
  for (const link of read.links) {
    const report = (ruleId: string, message: string, severity: Diagnostic['severity'] = 'error') =>
      diagnostics.push({ file, line: link.line, column: 1, ruleId, severity, message });
    if (!ids.has(link.document)) {
      const renamed = documents.find((d) => d.formerIds?.includes(link.document));
      if (renamed) report('deep-link-document', `The deep link "${link.key}" points to the document "${link.document}", which was renamed "${renamed.id}" (its formerIds in documents.yaml). Write \`${link.key}: ${renamed.id}${link.anchor === undefined ? '' : `#${link.anchor}`}\`.`);
      else if (documents.length > 0) report('deep-link-document', `The deep link "${link.key}" points to the document "${link.document}", which is not in the registry. Use one of: ${[...ids].join(', ')}.`);
      continue;
    }
    if (link.anchor === undefined) continue;
    for (const version of inForce(versions.filter((v) => v.document === link.document), asOf)) {
      const where = `the ${version.status} version ${version.effective} (${display(version.path)})`;
      const landing = landingAnchor(link.anchor, version.ids, version.former);
      if (landing === null) {
        report('deep-link-anchor', `The deep link "${link.key}" points to ${link.document}#${link.anchor}, but ${where} has no anchor "${link.anchor}". Pin {#${link.anchor}} on the section, declare it under formerAnchors if the section was renamed, or point "${link.key}" at another section. ${choicesMessage(link.anchor, version.ids, 'Anchors there', (id) => `${link.document}#${id}`)}`);
      } else if (landing !== link.anchor) {
        report('deep-link-former-anchor', `The deep link "${link.key}" points to ${link.document}#${link.anchor}, a former anchor of "${landing}" in ${where}. It still lands, but write \`${link.key}: ${link.document}#${landing}\`.`, 'warning');
      }
    }
  }
  return diagnostics;
};

/** The current and upcoming versions of one document, each with its anchors and former anchors. */
function inForce(own: CheckedVersion[], asOf: string) {
  const placed = placeVersions(own, asOf);
  return placed.flatMap((version, index) => {
    if (version.status === 'archived') return [];
    const ids = new Set(headingAnchors(version.tree).map((h) => h.id));
    const former = formerAnchorsAt(placed.slice(0, index + 1).map((v) => v.frontmatter.formerAnchors), ids);
    return [{ ...version, ids, former }];
  });
}
