/**
 * A PDF's links and numbers as the report page lists them (the extension's side of src/cli/audit-documents.ts): each
 * link with its words, its place ("page 4") and whether it is a mutual-aid resource by the same spotting as on a web
 * page, with the words around it as its surroundings; and the numbers the PDF prints for a group that are not the
 * group's number now. Pure: no DOM, no extension API.
 */
import { spotResource } from '../directory/spotting.ts';
import type { DocumentRead, Place } from '../documents/found.ts';
import { numberRows, type NumberRow } from '../documents/phone-findings.ts';
import type { PageLink, PageLinks } from '../messages.ts';

export type DocumentLink = PageLink & { place: Place };

/** A document's links in the shape the report page fills its rows from (PageLinks), each with its place. */
export interface DocumentLinks extends PageLinks {
  links: DocumentLink[];
  numbers: NumberRow[];
  notes: string[];
}

/**
 * `address`: the PDF's address (its links' "page" in every export), or for a file chosen on this computer its name.
 * `host`: the host it came from, for telling its own site's links from outbound ones ('' for a file).
 */
export function documentLinks(read: DocumentRead, address: string, host: string): DocumentLinks {
  const inOrder = [...read.links].sort((a, b) => a.place.page - b.place.page || a.place.line - b.place.line);
  const links = inOrder.map((link, i): DocumentLink => ({
    href: link.href,
    text: link.words,
    position: i + 1,
    place: link.place,
    resource: spotResource({
      href: link.href,
      text: link.words,
      context: () => link.context,
      ...(host ? { pageHost: host } : {}),
    }).resource,
  }));
  return {
    page: address,
    title: read.title ?? '',
    links,
    truncated: false,
    numbers: numberRows(read.phones, address),
    notes: read.notes,
  };
}
