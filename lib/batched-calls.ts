// Calls that arrive together run as one: each call's input joins the batch being gathered, the
// batch runs once the current turn of the event loop is over (or, while one is running, as soon as
// it ends), and every caller gets its own result. A thousand small tenants' CRM calls then share a
// handful of statements instead of bringing one each; under load, batches grow by themselves
// (whatever arrives while one runs goes into the next), like a database's group commit.
// `key`: inputs with the same key never share a batch (one slot per portal per statement);
// `maxBatch` bounds a batch by the inputs' total `weight` (1 each unless told): one statement must
// not hold SQLite's writer, or the event loop, for long. An input heavier than that runs alone.
// `gatherMs` waits that long after a batch's first input before running it (a full batch runs at
// once): answers of calls sent together arrive over a few milliseconds, not in one turn.

export type BatchedCall<I, O> = (input: I) => Promise<O>;

export type BatchOptions<I> = { maxBatch?: number; weight?: (input: I) => number; key?: (input: I) => string; gatherMs?: number };

type Waiting<I, O> = { input: I; resolve: (output: O) => void; reject: (error: unknown) => void };

/** `run` answers its inputs in order, one output each; when it throws, every caller of that batch gets the error. */
export function batchedCalls<I, O>(
  run: (inputs: I[]) => Promise<O[]>,
  { maxBatch = Infinity, weight = () => 1, key, gatherMs = 0 }: BatchOptions<I> = {},
): BatchedCall<I, O> {
  let queue: Waiting<I, O>[] = [];
  let queuedWeight = 0;
  let scheduled: { cancel(): void } | undefined;
  let running = false;

  const schedule = () => {
    if (running || queue.length === 0) return;
    if (scheduled && (gatherMs === 0 || queuedWeight < maxBatch)) return;
    scheduled?.cancel();
    // A full batch need not wait.
    if (gatherMs === 0 || queuedWeight >= maxBatch) {
      const immediate = setImmediate(() => void flush());
      scheduled = { cancel: () => clearImmediate(immediate) };
    } else {
      const timer = setTimeout(() => void flush(), gatherMs);
      scheduled = { cancel: () => clearTimeout(timer) };
    }
  };

  const flush = async () => {
    scheduled = undefined;
    running = true;
    const batch: Waiting<I, O>[] = [];
    const later: Waiting<I, O>[] = [];
    const keys = new Set<string>();
    let total = 0;
    for (const waiting of queue) {
      const name = key?.(waiting.input);
      const heavy = weight(waiting.input);
      if ((batch.length > 0 && total + heavy > maxBatch) || (name !== undefined && keys.has(name))) later.push(waiting);
      else {
        batch.push(waiting);
        total += heavy;
        if (name !== undefined) keys.add(name);
      }
    }
    queue = later;
    queuedWeight = later.reduce((sum, waiting) => sum + weight(waiting.input), 0);
    try {
      const outputs = await run(batch.map((waiting) => waiting.input));
      batch.forEach((waiting, index) => waiting.resolve(outputs[index]!));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    } finally {
      running = false;
      schedule();
    }
  };

  return (input) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ input, resolve, reject });
      queuedWeight += weight(input);
      schedule();
    });
}
