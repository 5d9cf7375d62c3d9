/**
 * What a document holds for still-there, whatever kind it is (DESIGN.md, "A document is a page"): the links found in
 * it, each with its words, the words around it and its place ("page 4"), and the phone numbers printed in it. Only
 * the reader of each kind differs (pdf.ts for PDFs); spotting, checking, the cache and the reports see a found link
 * the same way whatever held it. Pure: no DOM, no Node.
 */

/** Where in a document something sits, as a person finds it in the printed handout. */
export interface Place {
  /** 1-based page of the file. */
  page: number;
  /** The page's label when the document names its pages ("iv", "A-3", "12" on the file's 14th page); null otherwise. */
  label: string | null;
  /** 1-based line on the page, top to bottom. */
  line: number;
}

export interface FoundLink {
  /** The address: the link's own, or the printed one made whole ("www.aa.org" → "https://www.aa.org/"). */
  href: string;
  /** The link's words: the text under a link, or the address as printed. */
  words: string;
  /** The words around it, as spotting reads a link's surroundings (link-evidence.ts): its line or table row. */
  context: string;
  place: Place;
  /** 'link': a link the document makes (a PDF's link annotation); 'printed': an address written as plain text. */
  kind: 'link' | 'printed';
}

export interface FoundPhone {
  /** As printed: "1-800-273-TALK (8255)", "(212) 870-3400". */
  printed: string;
  /** The ten digits, without the country code. */
  digits: string;
  /** Its line (or table row): where a group's name or link beside it is looked for. */
  context: string;
  /** The part of its line it sits in (a table's cell, a column's line): its line may hold two columns. */
  cell: string;
  /** The lines just above it in its paragraph or list entry, nearest first: the name, when the number has a line of its own. */
  above: string[];
  /** The addresses found on the same line, so a number beside a group's link is the group's. */
  besideLinks: string[];
  place: Place;
}

export interface DocumentRead {
  /** The document's own title, when it names one. */
  title: string | null;
  /** How many pages were read: all of them (a document past the page cap is refused, not cut short). */
  pages: number;
  links: FoundLink[];
  phones: FoundPhone[];
  /** Things the reader should know about how it was read ("encrypted; readable without a password"). */
  notes: string[];
}

/** "page 4", or the page's printed label ("page iv") where the document has labels: what a reader looks for. */
export function placeText(place: Pick<Place, 'page' | 'label'>): string {
  const label = place.label?.trim();
  return label ? `page ${label}` : `page ${place.page}`;
}

/**
 * Whether an address or a file's path names a PDF by its name: an http(s) or file: address whose path ends in .pdf,
 * or a path ending in .pdf. A PDF served under another name is not recognised by its name alone.
 */
export function isPdfAddress(address: string | null): boolean {
  if (!address) return false;
  if (!/^[a-z][a-z\d+.-]*:/i.test(address)) return /\.pdf$/i.test(address);
  try {
    const url = new URL(address);
    return ['http:', 'https:', 'file:'].includes(url.protocol) && /\.pdf$/i.test(url.pathname);
  } catch {
    return false;
  }
}
