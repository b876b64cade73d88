/**
 * Unfinished new versions: `npm run new-version` marks the lines an editor must finish with
 * `TODO(new-version)`; every line that still has the marker is an error (`new-version-todo`), so a
 * half-prepared version can never be merged or built.
 */
import type { ContentRule } from '../rule.ts';

/** The marker `npm run new-version` writes into a new version's frontmatter comments (src/lib/editor/new-version.ts). */
export const NEW_VERSION_MARKER = 'TODO(new-version)';
import type { Diagnostic } from '../../diagnostics.ts';

/** Report every line of every version that still carries the new-version marker. */
export const newVersionTodoRule: ContentRule = ({ versions, display }) => {
  const diagnostics: Diagnostic[] = [];
  for (const version of versions) {
    version.text.split('\n').forEach((line, index) => {
      const column = line.indexOf(NEW_VERSION_MARKER);
      if (column === -1) return;
      diagnostics.push({
        file: display(version.path), line: index + 1, column: column + 1, ruleId: 'new-version-todo', severity: 'error',
        message: `This new version is not finished: write its summary and material flag (and published date, if it needs notice) as the comment explains, then delete the ${NEW_VERSION_MARKER} lines.`,
      });
    });
  }
  return diagnostics;
};
