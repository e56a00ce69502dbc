/**
 * Reference data read once per database client and kept for its life (the client is the key, so tests with a
 * database each never see another's rows). A failed read is forgotten: the next caller tries again.
 */
export function cachedPerClient<C extends object, T>(load: (client: C) => Promise<T>): (client: C) => Promise<T> {
  const cache = new WeakMap<C, Promise<T>>();
  return (client) => {
    let value = cache.get(client);
    if (!value) {
      value = load(client);
      cache.set(client, value);
      value.catch(() => cache.delete(client));
    }
    return value;
  };
}
