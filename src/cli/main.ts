/** still-there's command line: dispatch only; each command lives in its own module. */
import { checkCommand, CHECK_HELP } from './check-command.ts';
import { auditCommand, AUDIT_HELP } from './audit-command.ts';
import { keygenCommand, KEYGEN_HELP } from './keygen-command.ts';
import { clockFromEnv, ClockError } from './audit-clock.ts';
import { readFileSync } from 'node:fs';
import { CONFIG_HELP, EXIT_HELP, nearestOption, optionsHelp, UsageError } from './args.ts';
import { newHomeFor } from '../directory/lookup.ts';
import { EXIT } from './output-options.ts';

const HELP = `still-there — are the links to mutual-aid resources still there?

Usage:
  still-there check URL... [-]   check links (or one a line on standard input: -)
  still-there audit START...     crawl a directory site (or its sitemap, a local folder, or - for a page on standard
                                 input) and list its dead and moved links
  still-there keygen --out FILE  make the key that signs your organisation's verdict feeds
  still-there help COMMAND       options of one command
  still-there --version          the version

Options (those one command alone takes say which):
${optionsHelp(null)}

${CONFIG_HELP}

${EXIT_HELP}`;

/** The version of the package this command came from (its package.json, one folder above bin/ and dist/cli/). */
function version(): string {
  for (const candidate of ['../../package.json', '../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'still-there' && pkg.version) return pkg.version;
    } catch {
      // not there: try the next
    }
  }
  return 'unknown';
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await checkCommand(rest, {
          stdout: process.stdout,
          stderr: process.stderr,
          stdin: process.stdin,
          newHomeFor,
        });
      case 'audit': {
        // The only place STILL_THERE_NOW is read: a testing aid for --cache across "days" (audit-clock.ts).
        const code = await auditCommand(rest, {
          stdout: process.stdout,
          stderr: process.stderr,
          stdin: process.stdin,
          clock: clockFromEnv(process.env),
          signals: process,
          env: process.env,
        });
        // Ended early, its report and cache written: checks still under way would only keep the editor waiting.
        // (Writes to files and pipes are synchronous on POSIX: nothing written is lost by leaving now.)
        if (code === EXIT.endedEarly || code === EXIT.interrupted) process.exit(code);
        return code;
      }
      case 'keygen':
        return await keygenCommand(rest, { stdout: process.stdout, stderr: process.stderr });
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(
          `${rest[0] === 'check' ? CHECK_HELP : rest[0] === 'audit' ? AUDIT_HELP : rest[0] === 'keygen' ? KEYGEN_HELP : HELP}\n`,
        );
        return 0;
      case '--version':
      case '-V':
      case 'version':
        process.stdout.write(`still-there ${version()}\n`);
        return 0;
      case undefined:
        // Nothing asked: the usage goes where errors go, and the exit says it was not a run.
        process.stderr.write(`${HELP}\n`);
        return 2;
      default: {
        const near = command.startsWith('-')
          ? nearestOption(command, ['help', 'version'])
          : nearestOption(command, ['check', 'audit', 'keygen', 'help', 'version']);
        const hint = near ? `did you mean ${command.startsWith('-') ? '--' : ''}${near}? ` : '';
        throw new UsageError(
          `unknown command "${command}"; ${hint}try: still-there check URL, or still-there audit SITE`,
        );
      }
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof ClockError) {
      process.stderr.write(`still-there: ${err.message}\n(still-there help for usage)\n`);
      return 2;
    }
    throw err;
  }
}
