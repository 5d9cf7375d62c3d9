/** still-there's command line: dispatch only; each command lives in its own module. */
import { checkCommand, CHECK_HELP } from './check-command.ts';
import { auditCommand, AUDIT_HELP } from './audit-command.ts';
import { clockFromEnv, ClockError } from './audit-clock.ts';
import { UsageError } from './args.ts';
import { newHomeFor } from '../directory/lookup.ts';

const HELP = `still-there — are the links to mutual-aid resources still there?

Commands:
  still-there check URL...      check links (or one a line on standard input)
  still-there audit SITE        crawl a directory site (or a local folder) and list its dead and moved links
  still-there help COMMAND      help for one command

${CHECK_HELP.split('\n').slice(2).join('\n')}`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await checkCommand(rest, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, newHomeFor });
      case 'audit':
        // The only place STILL_THERE_NOW is read: a testing aid for --cache across "days" (audit-clock.ts).
        return await auditCommand(rest, { stdout: process.stdout, stderr: process.stderr, clock: clockFromEnv(process.env) });
      case 'help':
      case '--help':
      case '-h':
      case undefined:
        process.stdout.write(`${rest[0] === 'check' ? CHECK_HELP : rest[0] === 'audit' ? AUDIT_HELP : HELP}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"; try: still-there check URL, or still-there audit SITE`);
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof ClockError) {
      process.stderr.write(`still-there: ${err.message}\n(still-there help for usage)\n`);
      return 2;
    }
    throw err;
  }
}
