/**
 * Signed feeds (src/feed/signature.ts, read-feed.ts readPinnedFeed): the audit signs the exact text it writes; a
 * reader with the pinned key takes it, and refuses it when one verdict was altered, when it was signed with another
 * key, when the signature was taken off or moved, or when the pinned key is not a key.
 */
import { describe, expect, it } from 'vitest';
import { buildFeed, renderFeed } from '../../src/feed/feed.ts';
import { checkFeedShape } from '../../src/feed/feed-shape.ts';
import { FeedError, readPinnedFeed } from '../../src/feed/read-feed.ts';
import {
  importPublicKey,
  isPublicKeyText,
  KeyProblem,
  makeKeyPair,
  readKeyFile,
  verifyFeedText,
} from '../../src/feed/signature.ts';
import type { LinkHealth } from '../../src/health/link-health.ts';

const NOW = Date.parse('2026-12-03T08:00:00Z');
const at = '2026-12-03T02:00:00.000Z';
const alive = (url: string): [string, LinkHealth] => [
  url,
  {
    url,
    verdict: 'alive',
    reason: 'ok',
    detail: '',
    status: 200,
    finalUrl: url,
    redirects: 0,
    newHome: null,
    archive: null,
    checkedAt: at,
    history: [{ at, outcome: 'ok', reason: 'ok' }],
    firstFailedAt: null,
    lastAliveAt: at,
  },
];
const feed = () =>
  renderFeed(
    buildFeed({
      publisher: 'Servicios de Salud — Condado',
      site: 'https://directory.example.org/',
      generatedAt: at,
      checks: [alive('https://988lifeline.org/'), alive('https://al-anon.org/')],
    }),
  );

async function outcome(text: string, pinned: string | null): Promise<string> {
  try {
    const read = await readPinnedFeed(text, { now: NOW, pinned });
    return read.signedBy === null ? 'taken, unsigned' : 'taken, signed';
  } catch (err) {
    if (err instanceof FeedError) return err.message;
    throw err;
  }
}

describe('a signed feed', () => {
  it('verifies against its own public key, and only against it', async () => {
    const made = await makeKeyPair();
    expect(isPublicKeyText(made.publicKey)).toBe(true);
    const signer = await readKeyFile(made.keyFile);
    expect(signer.publicKey).toBe(made.publicKey);
    const signed = await signer.sign(feed());
    expect(signed.startsWith('{"signature":"')).toBe(true);
    expect(await outcome(signed, made.publicKey)).toBe('taken, signed');
    expect(await outcome(signed, (await makeKeyPair()).publicKey)).toMatch(/does not verify against the pinned key/);
    // Without a pinned key a signature is nobody's word: the feed is taken as unsigned.
    expect(await outcome(signed, null)).toBe('taken, unsigned');
  });

  it('is refused when one verdict was altered, the signature was removed, emptied or moved, or text was added', async () => {
    const made = await makeKeyPair();
    const signed = await (await readKeyFile(made.keyFile)).sign(feed());
    const signature = /"signature":"([^"]*)"/.exec(signed)![1]!;
    const altered = [
      signed.replace(
        '"verdict":"alive","reason":"ok","status":200',
        '"verdict":"dead","reason":"not-found","status":404',
      ),
      signed.replace(`"signature":"${signature}",`, ''),
      signed.replace(signature, ''),
      signed.replace(`"signature":"${signature}",`, '').replace('"links"', `"signature":"${signature}","links"`),
      signed.replace('\n]}', ' \n]}'),
      signed.replace('Condado', 'Condad0'),
    ];
    const results = await Promise.all(altered.map((text) => outcome(text, made.publicKey)));
    expect(results).toEqual([
      expect.stringMatching(/does not verify/),
      'it is not signed, and a key is pinned for it',
      expect.stringMatching(/does not verify/),
      expect.stringMatching(/does not verify/),
      expect.stringMatching(/does not verify/),
      expect.stringMatching(/does not verify/),
    ]);
  });

  it('signs the text as written, non-ASCII names included, and says where its signature lies', async () => {
    const made = await makeKeyPair();
    const signed = await (await readKeyFile(made.keyFile)).sign(feed());
    const facts = checkFeedShape(signed);
    expect(signed.slice(facts.signature!.start, facts.signature!.end)).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(await verifyFeedText(signed, facts, await importPublicKey(made.publicKey))).toBe('verified');
  });
});

describe('keys', () => {
  it('refuses a pinned key that is not one, and a key file that is not ours', async () => {
    expect(await outcome(feed(), 'ecdsa-p256:abc')).toMatch(/the pinned key is not a key/);
    expect(await outcome(feed(), `ecdsa-p256:A${'A'.repeat(86)}`)).toMatch(/not a P-256 public key/);
    await expect(readKeyFile('{"format":"something-else"}')).rejects.toBeInstanceOf(KeyProblem);
    await expect(readKeyFile('not json')).rejects.toThrow(/not a still-there key file/);
    const made = JSON.parse((await makeKeyPair()).keyFile);
    made.privateKey.d = 'AAAA';
    await expect(readKeyFile(JSON.stringify(made))).rejects.toThrow(/private key cannot be read/);
  });
});
