/**
 * Signed verdict feeds: the editor's audit signs the feed with a key only the editor keeps, and the organisation pins
 * the matching public key beside the feed's address, so that no one else — a compromised web server, anyone on the
 * way — can make a browser strike a link on the feed's word. ECDSA on P-256 with SHA-256, through WebCrypto in Node
 * (the CLI), in Chromium's service worker and in Firefox's background page alike: no cryptography of our own.
 *
 * The signature is the feed's first member, `"signature":"<base64url of the 64-byte P1363 signature>"`, and signs the
 * feed's exact UTF-8 bytes with that value left empty (`"signature":""`): no reformatting, no canonical form, nothing
 * for a reader to rebuild. The public key is written `ecdsa-p256:<base64url of the 65-byte uncompressed point>`.
 */
import type { ShapeFacts } from './feed-shape.ts';

export const KEY_PREFIX = 'ecdsa-p256:';
const CURVE = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;
/** What a key file says it is (still-there keygen). */
export const KEY_FILE_FORMAT = 'still-there-feed-signing-key';

/** A pinned key or a key file that is not one, in words for the options page or the command line. */
export class KeyProblem extends Error {}

/** What the pinned key says of a feed's text. */
export type Verification = 'verified' | 'unsigned' | 'does-not-verify';

/** A new key pair: the private half as the key file holds it, the public half as it is pinned. */
export async function makeKeyPair(): Promise<{ keyFile: string; publicKey: string }> {
  const pair = await crypto.subtle.generateKey(CURVE, true, ['sign', 'verify']);
  const publicKey = KEY_PREFIX + toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
  const privateKey = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const keyFile = JSON.stringify(
    { format: KEY_FILE_FORMAT, version: 1, algorithm: 'ECDSA P-256 SHA-256', publicKey, privateKey },
    null,
    2,
  );
  return { keyFile: `${keyFile}\n`, publicKey };
}

/** A signer from a key file's text; KeyProblem when it is not one of ours. */
export async function readKeyFile(text: string): Promise<{ publicKey: string; sign(feed: string): Promise<string> }> {
  let file: { format?: unknown; publicKey?: unknown; privateKey?: unknown };
  try {
    file = JSON.parse(text) as typeof file;
  } catch {
    throw new KeyProblem('it is not a still-there key file (not JSON)');
  }
  if (file?.format !== KEY_FILE_FORMAT || typeof file.publicKey !== 'string' || typeof file.privateKey !== 'object')
    throw new KeyProblem('it is not a still-there key file (made by still-there keygen)');
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('jwk', file.privateKey as JsonWebKey, CURVE, false, ['sign']);
  } catch {
    throw new KeyProblem('its private key cannot be read');
  }
  const publicKey = file.publicKey;
  return {
    publicKey,
    async sign(feed: string) {
      if (!feed.startsWith('{')) throw new KeyProblem('only a feed can be signed');
      const unsigned = `{"signature":"",${feed.slice(1)}`;
      const signature = new Uint8Array(await crypto.subtle.sign(SIGNING, key, new TextEncoder().encode(unsigned)));
      const at = '{"signature":"'.length;
      return `${unsigned.slice(0, at)}${toBase64Url(signature)}${unsigned.slice(at)}`;
    },
  };
}

/** Whether `text` is written as a pinned key is (the options page says so before anything is fetched). */
export function isPublicKeyText(text: string): boolean {
  return text.startsWith(KEY_PREFIX) && /^[A-Za-z0-9_-]{87}$/.test(text.slice(KEY_PREFIX.length));
}

export async function importPublicKey(text: string): Promise<CryptoKey> {
  if (!isPublicKeyText(text)) throw new KeyProblem(`the pinned key is not a key (it starts "${KEY_PREFIX}")`);
  try {
    return await crypto.subtle.importKey('raw', fromBase64Url(text.slice(KEY_PREFIX.length)), CURVE, false, ['verify']);
  } catch {
    throw new KeyProblem('the pinned key is not a P-256 public key');
  }
}

/**
 * The feed's signature against the pinned key: `facts` says where the signature's text lies (feed-shape.ts). The
 * message is the text with that value emptied, as the signer signed it.
 */
export async function verifyFeedText(text: string, facts: ShapeFacts, pinned: CryptoKey): Promise<Verification> {
  if (facts.signature === null) return 'unsigned';
  const { start, end } = facts.signature;
  const value = text.slice(start, end);
  if (!/^[A-Za-z0-9_-]{86}$/.test(value)) return 'does-not-verify';
  const message = new TextEncoder().encode(text.slice(0, start) + text.slice(end));
  const ok = await crypto.subtle.verify(SIGNING, pinned, fromBase64Url(value), message);
  return ok ? 'verified' : 'does-not-verify';
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0)) as Uint8Array<ArrayBuffer>;
}
