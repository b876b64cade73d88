/**
 * Diagnostics: what the content check reports, modelled on vfile messages (a place, a rule id, a
 * source) and printed `file:line:column: message [rule-id]` as vfile-reporter and compilers do.
 */

/** How bad a finding is: errors stop the build, warnings do not. */
export type Severity = 'error' | 'warning';

/** One finding about the content. */
export interface Diagnostic {
  /** Path of the file, relative to the project root, e.g. `content/privacy-statement/2022-03-31.mdx`. */
  file: string;
  /** 1-based line; 1 when the finding concerns the whole file. */
  line: number;
  /** 1-based column. */
  column: number;
  /** Stable kebab-case id of the rule, e.g. `frontmatter-unknown-key`. */
  ruleId: string;
  severity: Severity;
  /** What is wrong and how to fix it, in one or two sentences. */
  message: string;
}

/**
 * Print one diagnostic on one line.
 *
 * @returns `content/x/2022-03-31.mdx:4:1: error: Unknown key "foo" ... [frontmatter-unknown-key]`.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const { file, line, column, severity, message, ruleId } = diagnostic;
  return `${file}:${line}:${column}: ${severity}: ${message} [${ruleId}]`;
}

/**
 * Order diagnostics by file, line and column so reports are stable and read top to bottom.
 *
 * @returns A new sorted array.
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column),
  );
}

/**
 * Thrown when content has errors: the build must stop before anything is published.
 * `diagnostics` holds every finding (warnings included); `message` lists them, one per line.
 */
export class ContentError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(
      `The content has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was built:\n` +
        sortDiagnostics(diagnostics).map(formatDiagnostic).join('\n'),
    );
    this.name = 'ContentError';
    this.diagnostics = diagnostics;
  }
}
