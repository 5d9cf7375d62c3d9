/**
 * `still-there keygen --out FILE`: the key an editor signs the organisation's verdict feeds with (src/feed/signature.ts).
 * The file holds the private key and stays with the editor (readable by its owner alone); the public key printed is
 * what the organisation pins beside the feed's address, in the options or by policy. `audit --feed … --sign-with FILE`
 * signs with it (signingKey, below).
 */
import { open, readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { nearestOption, UsageError } from './args.ts';
import { existingFolder } from './output-options.ts';
import { KeyProblem, makeKeyPair, readKeyFile } from '../feed/signature.ts';

export const KEYGEN_HELP = `Usage: still-there keygen --out FILE
  Makes the key that signs your organisation's verdict feeds (audit --feed FILE --sign-with KEY-FILE).

  --out FILE              where to write the key (made readable by you alone; an existing file is never replaced).
                          Keep it as you keep a password: whoever has it can sign feeds your browsers believe.

  Prints the public key: pin it beside the feed's address, in still-there's options (one line:
  https://… ecdsa-p256:…) or in the organisation's policy (docs/verdict-feed.md).`;

const KEYGEN_OPTIONS = { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

export async function keygenCommand(
  argv: string[],
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  const { values, positionals } = parseKeygen(argv);
  if (values.help) {
    io.stdout.write(`${KEYGEN_HELP}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`keygen takes no ${positionals[0]}: give --out FILE`);
  if (values.out === undefined) throw new UsageError('keygen: give --out FILE, where the key is kept');
  await existingFolder(values.out, '--out');
  const { keyFile, publicKey } = await makeKeyPair();
  let file;
  try {
    // 'wx': never over an existing key (a lost key is a feed no browser believes any more); 0600: the owner's alone.
    file = await open(values.out, 'wx', 0o600);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'EEXIST'
        ? `--out: ${values.out} exists already; a key is never replaced (choose another file)`
        : `--out: cannot write ${values.out} (${code ?? (err as Error).message})`,
    );
  }
  try {
    await file.writeFile(keyFile, 'utf8');
  } finally {
    await file.close();
  }
  io.stdout.write(`${publicKey}\n`);
  io.stderr.write(
    `still-there: the signing key is in ${values.out} (keep it secret). Pin the public key above beside the feed's address.\n`,
  );
  return 0;
}

/** keygen's two options, refused as the other commands refuse theirs (with the nearest one). */
function parseKeygen(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: KEYGEN_OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    const message = (err as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message)?.[1];
    if (unknown) {
      const near = nearestOption(unknown, Object.keys(KEYGEN_OPTIONS));
      throw new UsageError(`unknown option ${unknown}${near ? `; did you mean --${near}?` : ''}`);
    }
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

/** The signer of `audit --sign-with FILE`, read before the audit runs so a wrong file costs no crawl. */
export async function signingKey(file: string): Promise<(feed: string) => Promise<string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--sign-with: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const signer = await readKeyFile(text);
    return (feed) => signer.sign(feed);
  } catch (err) {
    if (err instanceof KeyProblem) throw new UsageError(`--sign-with: ${file}: ${err.message}`);
    throw err;
  }
}
