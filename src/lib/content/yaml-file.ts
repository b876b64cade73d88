/**
 * Parse a YAML content file (`documents.yaml`, `links.yaml`) keeping positions, and report syntax
 * errors as diagnostics in an editor's words (see editor-messages.ts).
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Diagnostic } from '../diagnostics.ts';
import { yamlProblem } from '../editor-messages.ts';

/** A parsed YAML file with the line counter that maps node offsets to lines. */
export interface YamlFile {
  /** The YAML document (duplicate keys are syntax errors). */
  yaml: Document.Parsed;
  lineCounter: LineCounter;
  /** One error diagnostic per YAML syntax error; when not empty, `yaml` must not be used. */
  diagnostics: Diagnostic[];
}

/**
 * Parse a YAML file and turn its syntax errors into diagnostics.
 *
 * @param file Display path, e.g. `content/documents.yaml`.
 * @param text The file's text.
 * @param ruleId Rule id for syntax errors, e.g. `registry-yaml`.
 * @returns The document, its line counter and the syntax diagnostics (line and column 1-based).
 */
export function parseYamlFile(file: string, text: string, ruleId: string): YamlFile {
  const lineCounter = new LineCounter();
  const yaml = parseDocument(text, { lineCounter, uniqueKeys: true });
  const lines = text.split('\n');
  const diagnostics = yaml.errors.map((error): Diagnostic => {
    const place = error.linePos?.[0] ?? { line: 1, col: 1 };
    const problem = yamlProblem(error, lines[place.line - 1]?.replace(/\r$/, ''));
    return { file, line: place.line, column: place.col, ruleId, severity: 'error', message: `Invalid YAML: ${problem}. Fix the syntax on this line.` };
  });
  return { yaml, lineCounter, diagnostics };
}
