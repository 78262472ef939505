import { z } from "zod";

// Injected failures: the next N matching requests (or a random fraction of them) answer with a
// chosen status — 5xx, 423 Locked (HubSpot's answer to large sync volumes), 429, 400 (on token
// calls: invalid_grant), 401, 403 that is not about scopes, 404 — or hang without ever answering,
// so clients' timeouts, retries and connection-health logic get exercised. A fault can be limited
// to one portal (`portalId`) and/or to token calls of one grant type (`grantType`): those are
// decided once the request's portal and grant are known (fault-responses.ts), the rest on arrival.

export const FAULT_STATUSES = [400, 401, 403, 404, 423, 429, 500, 502, 503, 504] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

export const faultInputSchema = z
  .object({
    status: z
      .union(FAULT_STATUSES.map((status) => z.literal(status)) as [z.ZodLiteral<FaultStatus>, ...z.ZodLiteral<FaultStatus>[]])
      .optional(),
    mode: z.literal("hang").optional(),
    count: z.number().int().positive().optional(),
    fraction: z.number().gt(0).max(1).optional(),
    pathPrefix: z.string().startsWith("/").optional(),
    portalId: z.number().int().positive().optional(),
    grantType: z.enum(["authorization_code", "refresh_token"]).optional(),
  })
  .strict()
  .refine((fault) => (fault.status === undefined) !== (fault.mode === undefined), {
    message: `give exactly one of status (${FAULT_STATUSES.join("|")}) or mode ("hang")`,
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
  portalId: number | null;
  grantType: string | null;
}

/** What is known about a request when a late fault is decided. */
export interface FaultScope {
  portalId?: number | undefined;
  grantType?: string | undefined;
}
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
      portalId: input.portalId ?? null,
      grantType: input.grantType ?? null,
    };
    this.faults.push(fault);
    return fault;
  }

  /**
   * Decides whether this request fails; counted faults are used up first-come first-served.
   * Without `scope` (on arrival) only unscoped faults apply; with it (portal/grant known) only scoped ones.
   */
  pick(pathname: string, scope?: FaultScope, random: () => number = Math.random): FaultAction {
    for (const fault of this.faults) {
      if (!pathname.startsWith(fault.pathPrefix)) continue;
      const scoped = fault.portalId !== null || fault.grantType !== null;
      if (scoped !== (scope !== undefined)) continue;
      if (scope && fault.portalId !== null && fault.portalId !== scope.portalId) continue;
      if (scope && fault.grantType !== null && fault.grantType !== scope.grantType) continue;
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
