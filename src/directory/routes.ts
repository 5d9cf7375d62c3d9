/**
 * A line's ways in, in the order a reader needs them: the routes in the reader's language first (a Spanish query or
 * a Spanish browser sees "call 988 and press 2" before "call 988"), then the routes no source gives a language for,
 * then the others. Within each, the directory's order, which puts the main route first.
 */
import type { Route } from './group.ts';
import { dialDigits } from './phones.ts';

/** `preferred`: BCP 47 codes, the most wanted first ("es", "en"); regions are ignored ("es-MX" is "es"). */
export function orderRoutes(routes: readonly Route[], preferred: readonly string[]): Route[] {
  const wanted = preferred.map(primary);
  const place = (route: Route): number => {
    const langs = route.languages.map(primary);
    const best = Math.min(...wanted.map((w, i) => (langs.includes(w) ? i : Infinity)));
    if (best !== Infinity) return best;
    return langs.length === 0 ? wanted.length : wanted.length + 1;
  };
  // Array.prototype.sort is stable: equal places keep the directory's order.
  return [...routes].sort((a, b) => place(a) - place(b));
}

function primary(tag: string): string {
  return tag.toLowerCase().split('-')[0]!;
}

/**
 * Where a route's button leads: tel: for calls, TTY, videophone and relay; sms: for texts, with the keyword as the
 * message's first words; the https page of a chat. Null for WhatsApp (no link: the number is shown to copy) and for
 * anything that does not fit, whatever the data says. Ten-digit US numbers get +1 so they dial from abroad; letters
 * dial as their keys ("1-800-MY-RESET").
 */
export function routeHref(route: Route): string | null {
  if (route.way === 'chat') {
    try {
      return new URL(route.to).protocol === 'https:' ? route.to : null;
    } catch {
      return null;
    }
  }
  if (route.way === 'whatsapp') return null;
  const digits = dialDigits(route.to);
  if (!digits) return null;
  const dialable =
    digits.length === 10 ? `+1${digits}` : digits.length === 11 && digits.startsWith('1') ? `+${digits}` : digits;
  if (route.way === 'text') {
    const body =
      route.keyword && /^[\p{L}\p{N}]+$/u.test(route.keyword) ? `?body=${encodeURIComponent(route.keyword)}` : '';
    return `sms:${dialable}${body}`;
  }
  return `tel:${dialable}`;
}
