// Collects items for at most `maxWaitMs` (or until `maxItems`) and writes them with one call,
// so a burst of requests shares one database commit instead of paying one fsync each.
// Every caller waits for the flush that carries its item: nothing is acknowledged before
// it is stored. The buffer is only a few milliseconds of in-flight work, never state.
export function createMicroBatcher<T, R>(flush: (items: T[]) => Promise<R[]>, options: { maxItems: number; maxWaitMs: number }): (item: T) => Promise<R> {
  let pending: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let timer: NodeJS.Timeout | null = null;

  const run = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = pending;
    pending = [];
    flush(batch.map((p) => p.item)).then(
      (results) => batch.forEach((p, i) => p.resolve(results[i] as R)),
      (error: unknown) => batch.forEach((p) => p.reject(error)),
    );
  };

  return (item) =>
    new Promise<R>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      if (pending.length >= options.maxItems) run();
      else timer ??= setTimeout(run, options.maxWaitMs);
    });
}
