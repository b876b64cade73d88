/**
 * The check's report in formats other tools read (issue 13, "Command line, for editors and CI"):
 * `npm run check -- --format json` and `--format github`.
 *
 * - `json`: one JSON array of vfile-style messages (`file`, `line`, `column`, `ruleId`, `source`,
 *   `fatal` for an error, `reason`), the shape vfile-message gives, so editors and linters' tools
 *   read it as they read remark-lint's.
 * - `github`: one GitHub Actions workflow command per finding (`::error file=…,line=…,col=…,title=…::…`),
 *   so a pull request shows each finding on its line. Properties and messages are escaped as the
 *   runner's toolkit does (`%`, CR, LF; and `:`/`,` in properties), so a message cannot end the
 *   command early or forge another one.
 */
import type { Diagnostic } from './diagnostics.ts';

/** Formats `npm run check -- --format` accepts. */
export const REPORT_FORMATS = ['text', 'json', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A finding as vfile-message shapes it. */
export interface VFileStyleMessage {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  source: 'legal-check';
  /** `true` for an error (stops the build), `false` for a warning. */
  fatal: boolean;
  reason: string;
}

/**
 * Print diagnostics in a machine-readable format.
 *
 * @param diagnostics In report order (sortDiagnostics).
 * @param format `json` or `github` (`text` is formatDiagnostic, line by line).
 * @returns The whole report, ending in a newline.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: Exclude<ReportFormat, 'text'>): string {
  if (format === 'json') {
    const messages: VFileStyleMessage[] = diagnostics.map((d) => ({ file: d.file, line: d.line, column: d.column, ruleId: d.ruleId, source: 'legal-check', fatal: d.severity === 'error', reason: d.message }));
    return `${JSON.stringify(messages, null, 2)}\n`;
  }
  return diagnostics.map((d) => `::${d.severity} file=${property(d.file)},line=${d.line},col=${d.column},title=${property(d.ruleId)}::${data(d.message)}\n`).join('');
}

/** Escape a workflow command's message (@actions/core `escapeData`). */
const data = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Escape a workflow command's property value (@actions/core `escapeProperty`). */
const property = (text: string) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
