/**
 * Parse a YAML content file (`documents.yaml`, `links.yaml`) keeping positions, and report syntax
 * errors as diagnostics in an editor's words (see editor-messages.ts).
 */
import { isAlias, LineCounter, parseDocument, visit, type Document } from 'yaml';
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
  // Read as data, as frontmatter is (src/lib/content/frontmatter.ts): YAML 1.2's core schema; a tag it does not
  // know, an anchor or an alias (`&a`, `*a`: an alias bomb stopped the check with no file or line) is refused.
  const yaml = parseDocument(text, { lineCounter, uniqueKeys: true, schema: 'core' });
  const lines = text.split('\n');
  const diagnostics = yaml.errors.map((error): Diagnostic => {
    const place = error.linePos?.[0] ?? { line: 1, col: 1 };
    const problem = yamlProblem(error, lines[place.line - 1]?.replace(/\r$/, ''));
    return { file, line: place.line, column: place.col, ruleId, severity: 'error', message: `Invalid YAML: ${problem}. Fix the syntax on this line.` };
  });
  if (diagnostics.length > 0) return { yaml, lineCounter, diagnostics };
  const warning = yaml.warnings[0];
  if (warning) {
    const place = warning.linePos?.[0] ?? { line: 1, col: 1 };
    diagnostics.push({ file, line: place.line, column: place.col, ruleId, severity: 'error', message: `\`${(lines[place.line - 1] ?? '').trim()}\` uses a YAML tag this site does not read (${warning.message.split('\n')[0]}). Write the value as plain text.` });
    return { yaml, lineCounter, diagnostics };
  }
  let alias: [number, number, number] | undefined;
  visit(yaml, (_key, node) => {
    if (node && (isAlias(node) || ((node as { anchor?: string }).anchor && (node as { range?: [number, number, number] }).range))) {
      alias = (node as { range: [number, number, number] }).range;
      return visit.BREAK;
    }
    return undefined;
  });
  if (alias) {
    const place = lineCounter.linePos(alias[0]);
    diagnostics.push({ file, line: place.line, column: place.col, ruleId, severity: 'error', message: 'YAML anchors and aliases (`&name`, `*name`) are not allowed here: write each value out.' });
  }
  return { yaml, lineCounter, diagnostics };
}
