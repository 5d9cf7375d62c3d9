/** "https://www.iocdf.org/about" → "iocdf.org": how a site is named to a person. */
export function siteName(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
