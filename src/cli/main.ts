/** still-there's command line: dispatch only; each command lives in its own module. */
import { checkCommand, CHECK_HELP } from './check-command.ts';
import { UsageError } from './args.ts';

const HELP = `still-there — are the links to mutual-aid resources still there?

Commands:
  still-there check URL...      check links (or one a line on standard input)
  still-there help COMMAND      help for one command

${CHECK_HELP.split('\n').slice(2).join('\n')}`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await checkCommand(rest);
      case 'help':
      case '--help':
      case '-h':
      case undefined:
        process.stdout.write(`${rest[0] === 'check' ? CHECK_HELP : HELP}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"; try: still-there check URL`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`still-there: ${err.message}\n(still-there help for usage)\n`);
      return 2;
    }
    throw err;
  }
}
