/** What the options page says of one subscribed verdict feed, from its last fetch (src/store/feed-store.ts). */
import { t } from '../i18n.ts';
import { formatDay } from '../words/describe.ts';
import type { FeedRecord } from '../store/schema.ts';

export function feedStatusText(record: FeedRecord | undefined, pinned: string | null = null): string {
  if (!record || (record.okAt === null && record.problem === null)) return t('options_feed_waiting');
  if (record.okAt === null) return t('options_feed_problem', record.problem!);
  if (record.problem !== null)
    return t('options_feed_problem_kept', record.problem, formatDay(new Date(record.okAt).toISOString()));
  const state = t(
    'options_feed_ok',
    record.publisher ?? '',
    record.links,
    formatDay(record.generatedAt ?? ''),
    formatDay(new Date(record.fetchedAt ?? record.okAt).toISOString()),
  );
  // Whether its word alone may strike a link (src/feed/prefer.ts): only when it is signed by the key pinned now.
  const signed = (record.signedBy ?? null) !== null && record.signedBy === pinned;
  return `${state} ${t(signed ? 'options_feed_signed' : 'options_feed_unsigned')}`;
}
