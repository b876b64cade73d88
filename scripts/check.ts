/**
 * `npm run check`: check all of content/ without building. Prints every problem as
 * `file:line:column: severity: message [rule-id]`, then a summary, on standard output (the report
 * is the command's output, so `npm run check > findings.txt` keeps it); exits 1 on errors, 0 with
 * warnings only. A check that cannot run at all (no content folder) is reported on standard error.
 */
import { formatDiagnostic, sortDiagnostics } from '../src/lib/diagnostics.ts';
import { formatDiagnostics, REPORT_FORMATS, type ReportFormat } from '../src/lib/diagnostic-formats.ts';
import { EXIT_USAGE, readArgs } from './cli.ts';
import { count } from '../src/lib/editor-messages.ts';
import { checkContentOnDisk } from '../src/node/run-check.ts';
import { resolveSettings } from '../src/settings.ts';

const help = `Usage: npm run check [-- --format text|json|github]

Check all of the content folder without building: every problem as file:line:column, what is wrong and
how to fix it, with its rule id. --format json prints vfile-style messages; --format github prints
workflow annotations, so a pull request shows each error on its line. Exit 0 fine (warnings allowed),
1 content errors, 2 usage or internal error. Environment: LEGAL_CONTENT_DIR, LEGAL_AS_OF.`;

try {
  const { values } = readArgs({ options: { format: { type: 'string', default: 'text' } } }, help);
  if (!REPORT_FORMATS.includes(values.format as ReportFormat)) {
    console.error(`✖ Unknown --format "${values.format}": use ${REPORT_FORMATS.join(', ')}.\n\n${help}`);
    process.exit(EXIT_USAGE);
  }
  const settings = resolveSettings(process.env);
  const { diagnostics, versions, documents } = checkContentOnDisk(settings);
  if (values.format !== 'text') {
    process.stdout.write(formatDiagnostics(sortDiagnostics(diagnostics), values.format as Exclude<ReportFormat, 'text'>));
    process.exitCode = diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
    process.exit();
  }
  for (const diagnostic of sortDiagnostics(diagnostics)) console.log(formatDiagnostic(diagnostic));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  console.log(
    errors > 0
      ? `\n✖ ${count(errors, 'error')}, ${count(warnings, 'warning')}`
      : `✔ ${count(documents.length, 'document')}, ${count(versions.length, 'version')} checked (as of ${settings.asOf})${warnings ? `, ${count(warnings, 'warning')}` : ''}`,
  );
  process.exitCode = errors > 0 ? 1 : 0;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = EXIT_USAGE;
}
