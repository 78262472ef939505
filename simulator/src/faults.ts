import { z } from "zod";

// Injected failures: the next N matching requests (or a random fraction of them) answer
// 500/502/503, 423 Locked (HubSpot's answer to large sync volumes) or hang without ever
// answering, so clients' timeouts and retries get exercised.

export const faultInputSchema = z
  .object({
    status: z.union([z.literal(423), z.literal(500), z.literal(502), z.literal(503)]).optional(),
    mode: z.literal("hang").optional(),
    count: z.number().int().positive().optional(),
    fraction: z.number().gt(0).max(1).optional(),
    pathPrefix: z.string().startsWith("/").optional(),
  })
  .strict()
  .refine((fault) => (fault.status === undefined) !== (fault.mode === undefined), {
    message: "give exactly one of status (423|500|502|503) or mode (\"hang\")",
  })
  .refine((fault) => !(fault.count !== undefined && fault.fraction !== undefined), {
    message: "give count or fraction, not both",
  });
export type FaultInput = z.infer<typeof faultInputSchema>;

export interface Fault {
  id: number;
  kind: { status: FaultStatus } | { hang: true };
  /** Remaining requests to fail; null when the fault is fraction-based (stays until cleared). */
  remaining: number | null;
  fraction: number | null;
  pathPrefix: string;
}

export type FaultStatus = 423 | 500 | 502 | 503;
export type FaultAction = { status: FaultStatus } | { hang: true } | null;

export class FaultInjector {
  private faults: Fault[] = [];
  private nextId = 1;

  add(input: FaultInput): Fault {
    const fault: Fault = {
      id: this.nextId++,
      kind: input.status !== undefined ? { status: input.status } : { hang: true },
      remaining: input.fraction !== undefined ? null : (input.count ?? 1),
      fraction: input.fraction ?? null,
      pathPrefix: input.pathPrefix ?? "/",
    };
    this.faults.push(fault);
    return fault;
  }

  /** Decides whether this request fails; counted faults are used up first-come first-served. */
  pick(pathname: string, random: () => number = Math.random): FaultAction {
    for (const fault of this.faults) {
      if (!pathname.startsWith(fault.pathPrefix)) continue;
      if (fault.remaining !== null) {
        fault.remaining--;
        if (fault.remaining <= 0) this.faults = this.faults.filter((other) => other !== fault);
        return fault.kind;
      }
      if (fault.fraction !== null && random() < fault.fraction) return fault.kind;
    }
    return null;
  }

  list(): Fault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.faults = [];
  }
}
