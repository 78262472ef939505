// The ONE wrapper every tenant server action goes through: session → membership → role → zod →
// the tenant in context. Refusals look exactly like "not found" (no hint that a tenant exists);
// bad input comes back per field; an AppError becomes a form state (the same mapping as the forms
// outside a tenant, web/form-state.ts); anything else is logged and answered generically. Next's own control flow (redirect, notFound) passes through untouched.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { AppError } from "@switchboard/lib/app-error";
import { processRuntime } from "@switchboard/lib/runtime/process-runtime";
import type { Runtime } from "@switchboard/lib/runtime/runtime";
import { actorFromUser, type FlowActor } from "@switchboard/lib/integrations/flows/types";
import { log } from "@switchboard/lib/log";
import { resolveTenantAccess, type TenantAccess } from "@switchboard/lib/tenancy/resolve-tenant-access";
import type { Role } from "@switchboard/lib/tenancy/roles";
import { auth } from "./auth";
import { formEntries, GENERIC_FAILURE, refusalState, type ActionOutcome, type ActionState } from "./form-state";

export type { ActionOutcome, ActionState };

export type TenantActionContext = {
  /** The process's resources (database, mailer, providers, …). */
  runtime: Runtime;
  access: TenantAccess;
  tenant: { id: string; slug: string };
  actor: FlowActor;
};

const tenantFields = z.object({ tenantSlug: z.string().trim().min(1).max(100) });

export function tenantAction<Shape extends z.ZodRawShape>(
  options: { minRole: Role; fields: Shape },
  run: (input: z.infer<z.ZodObject<Shape>>, context: TenantActionContext) => Promise<ActionOutcome>,
): (previous: ActionState, formData: FormData) => Promise<ActionState> {
  const schema = tenantFields.extend(options.fields);
  return async (_previous, formData) => {
    const at = Date.now();
    const slug = tenantFields.safeParse(formEntries(formData));
    const context = slug.success ? await contextFor(slug.data.tenantSlug, options.minRole) : null;
    if (!context) return { ok: false, message: AppError.notFound().message, at };
    try {
      const parsed = schema.safeParse(formEntries(formData));
      if (!parsed.success) throw AppError.invalidInput(parsed.error);
      return { ...(await run(parsed.data as z.infer<z.ZodObject<Shape>>, context)), at };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError) return refusalState(error, at);
      log.error("tenant action failed", { tenantId: context.tenant.id, error });
      return { ok: false, message: GENERIC_FAILURE, at };
    }
  };
}

async function contextFor(tenantSlug: string, minRole: Role): Promise<TenantActionContext | null> {
  const userId = (await auth())?.user?.id;
  if (!userId) return null;
  const runtime = processRuntime();
  const decision = await resolveTenantAccess(runtime.db, userId, tenantSlug, minRole);
  if (!decision.allowed) return null;
  const { access } = decision;
  return { runtime, access, tenant: { id: access.tenant.id, slug: access.tenant.slug }, actor: actorFromUser(access.user) };
}
