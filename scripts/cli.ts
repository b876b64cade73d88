/**
 * What every command of this project does with its arguments (issue 13, "Command line, for editors
 * and CI"): `--help` (or `-h`) prints the command's usage and exits 0 without acting; an unknown
 * option or a missing argument prints what is wrong and the usage and exits 2.
 *
 * Exit codes, the same for every command: 0 fine; 1 the content has errors (or the command refused
 * to act on it); 2 usage or internal error.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Exit code: the content has errors, or the command refused to act on it. */
export const EXIT_CONTENT = 1;
/** Exit code: the command was called wrongly, or could not run. */
export const EXIT_USAGE = 2;

/** A wrong call: printed with the usage, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Read the command line, answering `--help`.
 *
 * @param config `parseArgs` options (`help` is added); `args` defaults to `process.argv`.
 * @param help What `--help` prints: a usage line and what the command does.
 * @returns What `parseArgs` returns. Exits the process with 0 after printing the help, or with 2
 *   after printing a parse error and the usage.
 */
export function readArgs<T extends ParseArgsConfig>(config: T, help: string) {
  const options = { ...config.options, help: { type: 'boolean', short: 'h' } } as const;
  try {
    const parsed = parseArgs({ ...config, options } as T & { options: typeof options });
    if ((parsed.values as { help?: boolean }).help) {
      console.log(help.trim());
      process.exit(0);
    }
    return parsed;
  } catch (error) {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}\n\n${help.trim()}`);
    process.exit(EXIT_USAGE);
  }
}

/**
 * Report a command's failure on standard error and set its exit code: 2 for a UsageError (with the
 * usage) and for an unexpected error, 1 for an error the command raised about the content.
 *
 * @param error What was thrown.
 * @param help The command's usage, printed after a UsageError.
 * @param isContentError Whether the error is about the content (exit 1); default: none is.
 */
export function fail(error: unknown, help: string, isContentError: (error: unknown) => boolean = () => false): void {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError) {
    console.error(`✖ ${message}\n\n${help.trim()}`);
    process.exitCode = EXIT_USAGE;
  } else {
    console.error(`✖ ${message}`);
    process.exitCode = isContentError(error) ? EXIT_CONTENT : EXIT_USAGE;
  }
}
