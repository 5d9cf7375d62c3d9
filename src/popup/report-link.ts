/**
 * "Tell us a number is wrong": the address a card's report opens, prefilled, to the place the editor chose in the
 * options (src/settings.ts reportTo). A mailto: opens the reader's own mail program; an issue tracker's page opens
 * with the title and text filled in (the `title` and `body` parameters GitHub's new-issue page reads). Nothing is
 * sent by us: the reader sees the report and sends it, or not.
 */

export interface Report {
  subject: string;
  body: string;
}

/** `target`: "" (no address: the reader fills it in), an email address, or an https new-issue page. */
export function reportHref(target: string, report: Report): string {
  const query = (title: string) =>
    `${title}=${encodeURIComponent(report.subject)}&body=${encodeURIComponent(report.body)}`;
  if (target.startsWith('https://')) {
    const url = new URL(target);
    return `${url.origin}${url.pathname}${url.search ? `${url.search}&` : '?'}${query('title')}`;
  }
  // An email address's characters are kept as typed, but for those that would end the address in a URL.
  const to = target.replace(/[?#&]/g, '');
  return `mailto:${to}?${query('subject')}`;
}
