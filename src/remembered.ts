/**
 * A function's answers remembered per key, at most `limit` of them (past that it starts afresh rather than grow
 * without bound). The content script asks the same question of every link, and a page links to few sites, many
 * times over: the host tests, the site and news-site tests and the reading of an address prefix are each worked out
 * once per distinct key.
 */
export function rememberedPerKey<T extends NonNullable<unknown>>(
  answer: (key: string) => T,
  limit = 1_000,
): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      if (known.size >= limit) known.clear();
      value = answer(key);
      known.set(key, value);
    }
    return value;
  };
}
