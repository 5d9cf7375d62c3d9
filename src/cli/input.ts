/**
 * Addresses from arguments or standard input, one per line. Bad lines (a 50 KB line, binary, not a URL) become
 * per-line errors; nothing here throws on what a user pastes, and no line is ever held whole in memory past the cap.
 */
export const MAX_LINE_CHARS = 8_192;

export interface InputLine {
  lineNumber: number;
  /** What the user gave, cut to MAX_LINE_CHARS for display. */
  text: string;
  /** Why the line cannot be checked; null when it can. */
  problem: string | null;
}

/** Splits a byte stream into lines, dropping the rest of any line beyond the cap instead of buffering it. */
export async function* readLines(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<InputLine> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let current = '';
  let overflow = false;
  let binary = false;
  let lineNumber = 0;
  const finish = (): InputLine | null => {
    lineNumber++;
    const text = current.replace(/\r$/, '');
    const line: InputLine = { lineNumber, text: text.trim(), problem: null };
    current = '';
    if (overflow) line.problem = `longer than ${MAX_LINE_CHARS} characters; skipped`;
    else if (binary) line.problem = 'binary data, not an address; skipped';
    overflow = false;
    binary = false;
    if (!line.problem && (line.text === '' || line.text.startsWith('#'))) return null;
    return line;
  };
  for await (const chunk of chunks) {
    const str = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    for (;;) {
      const nl = str.indexOf('\n', start);
      const piece = nl === -1 ? str.slice(start) : str.slice(start, nl);
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(piece)) binary = true;
      if (!overflow) {
        current += piece;
        if (current.length > MAX_LINE_CHARS) {
          overflow = true;
          current = current.slice(0, MAX_LINE_CHARS);
        }
      }
      if (nl === -1) break;
      const line = finish();
      if (line) yield line;
      start = nl + 1;
    }
  }
  current += decoder.decode();
  if (current.length > 0 || overflow || binary) {
    const line = finish();
    if (line) yield line;
  }
}

export async function* argumentLines(args: string[]): AsyncGenerator<InputLine> {
  let n = 0;
  for (const a of args) {
    n++;
    const tooLong = a.length > MAX_LINE_CHARS;
    yield {
      lineNumber: n,
      text: tooLong ? a.slice(0, MAX_LINE_CHARS) : a.trim(),
      problem: tooLong ? `longer than ${MAX_LINE_CHARS} characters; skipped` : null,
    };
  }
}
