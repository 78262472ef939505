// Group commit: items submitted in the same turn of the event loop are written by ONE batch write
// (one statement or transaction), so a burst pays for one round trip and one commit instead of one
// each; every caller still resumes only once its own item is committed, with its own outcome. A batch
// write that throws rejects every caller of its batch.
export type BatchWrite<T, R> = (items: T[]) => Promise<PromiseSettledResult<R>[]>;

type Waiting<T, R> = { item: T; resolve: (value: R) => void; reject: (reason: unknown) => void };

export function groupCommit<T, R>(maxBatch: number, writeBatch: BatchWrite<T, R>): (item: T) => Promise<R> {
  let queue: Waiting<T, R>[] | null = null;
  return (item) =>
    new Promise<R>((resolve, reject) => {
      if (!queue || queue.length >= maxBatch) {
        const batch: Waiting<T, R>[] = [];
        queue = batch;
        setImmediate(() => {
          if (queue === batch) queue = null;
          void flush(writeBatch, batch);
        });
      }
      queue.push({ item, resolve, reject });
    });
}

async function flush<T, R>(writeBatch: BatchWrite<T, R>, batch: Waiting<T, R>[]): Promise<void> {
  let outcomes: PromiseSettledResult<R>[];
  try {
    outcomes = await writeBatch(batch.map((waiting) => waiting.item));
  } catch (error) {
    for (const waiting of batch) waiting.reject(error);
    return;
  }
  batch.forEach((waiting, index) => {
    const outcome = outcomes[index];
    if (outcome?.status === "fulfilled") waiting.resolve(outcome.value);
    else waiting.reject(outcome ? outcome.reason : new Error("the batch write gave no outcome for this item"));
  });
}

/** The outcome of a batch written whole: every item fulfilled with the same value. */
export function allWritten<R>(count: number, value: R): PromiseSettledResult<R>[] {
  return Array.from({ length: count }, () => ({ status: "fulfilled", value }));
}
