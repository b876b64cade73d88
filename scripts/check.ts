/**
 * `npm run check`: check all of content/ without building. Prints every problem as
 * `file:line:column: severity: message [rule-id]`, then a summary, on standard output (the report
 * is the command's output, so `npm run check > findings.txt` keeps it); exits 1 on errors, 0 with
 * warnings only. A check that cannot run at all (no content folder) is reported on standard error.
 */
import { formatDiagnostic, sortDiagnostics } from '../src/lib/diagnostics.ts';
import { count } from '../src/lib/editor-messages.ts';
import { checkContentOnDisk } from '../src/node/run-check.ts';
import { resolveSettings } from '../src/settings.ts';

try {
  const settings = resolveSettings(process.env);
  const { diagnostics, versions, documents } = checkContentOnDisk(settings);
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
  process.exitCode = 1;
}
