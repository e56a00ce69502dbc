/**
 * A value recomputed at most once per `maxAgeMs`, shared by every request of this process; callers arriving while
 * it is being recomputed wait for that one computation instead of starting their own. A failed computation is not
 * kept: the next caller tries again.
 */
export function cachedFor<T>(maxAgeMs: number, load: () => Promise<T>, now: () => number = Date.now): () => Promise<T> {
  let value: { at: number; promise: Promise<T> } | undefined;
  return () => {
    const t = now();
    if (value && t - value.at < maxAgeMs) return value.promise;
    const promise = load();
    const entry = { at: t, promise };
    value = entry;
    promise.catch(() => {
      if (value === entry) value = undefined;
    });
    return promise;
  };
}
