/**
 * Bot walls: answers meant for robots, not people. A person in a browser gets through, so these are never
 * dead, only unverified (linkinator #718, lychee #799, Check My Links #75 are users hurt by the opposite).
 */
import type { PageText } from './page-text.ts';

export function botWallEvidence(status: number, headers: Record<string, string>, page: PageText | null): string | null {
  if (status === 999) return 'answered 999, the code LinkedIn and others give robots';
  if (headers['cf-mitigated']) return 'Cloudflare asked for a browser challenge';
  if (headers['x-amzn-waf-action']) return 'AWS WAF asked for a browser challenge';
  if (headers['x-datadome'] || headers['x-dd-b']) return 'DataDome asked for a browser challenge';
  if (headers['x-sucuri-id'] && status >= 400) return 'Sucuri blocked the request';
  if (headers['x-iinfo'] && status >= 400) return 'Incapsula blocked the request';
  const server = (headers.server ?? '').toLowerCase();
  if (!page) return null;
  const title = page.title.toLowerCase();
  if (
    /^(just a moment|attention required|checking your browser|un momento|please wait)/.test(title) &&
    (server.includes('cloudflare') ||
      /cf-chl|challenge-platform/i.test(page.inlineScript + page.scriptSources.join(' ')))
  ) {
    return 'Cloudflare showed a browser check';
  }
  if (
    /_incapsula_resource|px-captcha|captcha-delivery\.com|_pxcaptcha|perimeterx/i.test(
      page.scriptSources.join(' ') + page.inlineScript,
    )
  ) {
    return 'a browser check (captcha) was shown';
  }
  if (status === 403 && server.includes('akamai') && /access denied/i.test(title + page.text.slice(0, 500))) {
    return 'Akamai denied the request as a robot';
  }
  return null;
}
