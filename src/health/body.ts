/**
 * The first part of a response's body, for both transports (Node's streams, a browser's ReadableStream): at most
 * maxBytes are kept, then the reading stops — a checker never downloads a whole body of many MiB — and the bytes
 * are decoded as the Content-Type's charset says (UTF-8 when it says nothing, or names one no decoder knows).
 */

/**
 * Reads chunks until maxBytes; `truncated` when there was more (the caller then hangs up). A body that breaks off
 * after some bytes (a compressed body cut at our limit, a corrupt one, a dropped connection) keeps what was read.
 */
export async function firstBytes(
  chunks: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const kept: Uint8Array[] = [];
  let total = 0;
  let truncated = false;
  try {
    for await (const chunk of chunks) {
      const room = maxBytes - total;
      if (chunk.length >= room) {
        kept.push(chunk.subarray(0, room));
        total = maxBytes;
        truncated = true;
        break;
      }
      kept.push(chunk);
      total += chunk.length;
    }
  } catch (err) {
    if (total === 0) throw err;
    truncated = true;
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of kept) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return { bytes, truncated };
}

export function decodeBody(bytes: Uint8Array, contentType: string | undefined): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}
