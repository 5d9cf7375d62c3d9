/**
 * `still-there keygen` (src/cli/keygen-command.ts): the editor's signing key, written for its owner alone and never
 * over an existing one; the public key printed is the one that verifies what `audit --sign-with` signs.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args.ts';
import { keygenCommand, signingKey } from '../../src/cli/keygen-command.ts';
import { checkFeedShape } from '../../src/feed/feed-shape.ts';
import { importPublicKey, verifyFeedText } from '../../src/feed/signature.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'still-there-keygen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    streams: {
      stdout: { write: (s: string) => void (out.stdout += s) } as unknown as NodeJS.WritableStream,
      stderr: { write: (s: string) => void (out.stderr += s) } as unknown as NodeJS.WritableStream,
    },
  };
}

describe('still-there keygen', () => {
  it("writes the key for its owner alone, prints the public key, and the audit's signer signs with it", async () => {
    const file = path.join(dir, 'feed-key.json');
    const run = io();
    expect(await keygenCommand(['--out', file], run.streams)).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const publicKey = run.out.stdout.trim();
    expect(publicKey).toMatch(/^ecdsa-p256:[\w-]{87}$/);
    expect(run.out.stderr).toContain('keep it secret');
    const sign = await signingKey(file);
    const feed = await sign('{"format":"still-there-verdict-feed","version":1,"links":[]}');
    expect(await verifyFeedText(feed, checkFeedShape(feed), await importPublicKey(publicKey))).toBe('verified');
  });

  it('never replaces a key, and says what it needs', async () => {
    const file = path.join(dir, 'existing.json');
    writeFileSync(file, 'the old key');
    await expect(keygenCommand(['--out', file], io().streams)).rejects.toThrow(
      /exists already; a key is never replaced/,
    );
    expect(readFileSync(file, 'utf8')).toBe('the old key');
    await expect(keygenCommand([], io().streams)).rejects.toBeInstanceOf(UsageError);
    await expect(signingKey(file)).rejects.toThrow(/--sign-with: .*not a still-there key file/);
    await expect(signingKey(path.join(dir, 'missing.json'))).rejects.toThrow(/cannot read/);
  });
});
