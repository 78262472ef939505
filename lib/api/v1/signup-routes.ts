// /api/v1/signups: the host pushes signups server-to-server (the same durable, idempotent write as
// the public intake: one row per tenant and address, committed before the answer; no CORS and no
// per-address limit, since the key is the caller), lists and reads them, and retries failed ones.
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { unsubscribeLinksOf } from "@/lib/signups/consent/configured-unsubscribe-links";
import { unsubscribeSignup as recordUnsubscribe } from "@/lib/signups/consent/unsubscribe-signup";
import { retryFailedSignup } from "@/lib/signups/dashboard/manage-signups";
import { recordSignup } from "@/lib/signups/intake/record-signup";
import { normalizeEmail } from "@/lib/signups/signup-input";
import { signupFieldValuesSchema } from "@/lib/signups/fields/field-values";
import { parseSignupFields } from "@/lib/signups/fields/signup-fields";
import { listPage, pageQuerySchema } from "../cursor";
import { defineRoute, type RouteContext } from "../define-route";
import { canReach, targetTenant, tenantFilter } from "../tenant-scope";
import { newSignupSchema, signupListSchema, signupSchema, signupSelect, signupStatusSchema, signupView } from "./signup-schemas";

const signupParams = z.object({ signupId: z.string().min(1).max(100) });

async function reachableSignup({ caller, db }: RouteContext, signupId: string) {
  const row = await db.signup.findUnique({ where: { id: signupId }, select: signupSelect });
  if (!row || !canReach(caller, row.tenantId)) throw AppError.notFound("That signup");
  return row;
}

export const createSignup = defineRoute(
  {
    method: "post",
    path: "/api/v1/signups",
    operationId: "createSignup",
    tag: "Signups",
    scope: "signups:write",
    summary: "Add a signup (server to server)",
    description:
      "Stored before the answer, then synced to HubSpot in the background. The same address again keeps one signup with the latest details (idempotent). For a tenant with double opt-in the signup is `unconfirmed` and the person gets the confirmation mail, as from the public form; an unsubscribed signup stays unsubscribed.",
    body: newSignupSchema,
    response: { status: 202, description: "Stored; it will be synced to HubSpot", schema: signupSchema },
    problems: [404],
  },
  async ({ body }, { caller, db, store, runtime, channel }) => {
    const tenantId = targetTenant(caller, body.tenantId);
    const tenant = await db.tenant.findUnique({
      where: { id: tenantId },
      select: { id: true, name: true, consentText: true, doubleOptIn: true, signupFields: true },
    });
    if (!tenant) throw AppError.notFound("That tenant");
    // The tenant's own form fields: a dropdown's answer must be one of its options, and an answer to
    // a field the tenant has not enabled is refused rather than silently dropped.
    const answers = signupFieldValuesSchema(parseSignupFields(tenant.signupFields), "refuse").safeParse(body);
    if (!answers.success) throw AppError.invalidInput(answers.error);
    const details = {
      firstName: body.firstName?.trim() || null,
      lastName: answers.data.lastName ?? null,
      company: answers.data.company ?? null,
      freeText: answers.data.freeText ?? null,
    };
    const confirmationMailing = { mailer: runtime.mailer, appUrl: runtime.env.APP_URL };
    await recordSignup(
      store,
      tenant,
      { ...details, email: body.email, firstName: details.firstName ?? undefined, consent: body.consent },
      confirmationMailing,
      channel,
    );
    // The durable write above never changes a known address (the public intake is anonymous). The
    // host's key vouches for its data, so a repeat here updates the details and, when they differ
    // from what HubSpot has, queues the signup to be sent again.
    const where = { tenantId_emailNormalized: { tenantId, emailNormalized: normalizeEmail(body.email) } };
    const stored = await db.signup.findUniqueOrThrow({
      where,
      select: { firstName: true, lastName: true, company: true, freeText: true, consentGiven: true, status: true },
    });
    const detailsChanged = (Object.keys(details) as (keyof typeof details)[]).some((key) => stored[key] !== details[key]);
    // Unconfirmed and unsubscribed signups keep their status: only the person changes those.
    if (stored.status === "UNCONFIRMED" || stored.status === "UNSUBSCRIBED") {
      if (detailsChanged) await db.signup.update({ where, data: details });
    } else if (detailsChanged || stored.consentGiven !== body.consent) {
      await db.signup.update({
        where,
        // Taking the claim back too: a worker pushing the old details then records nothing for it.
        data: {
          ...details,
          consentGiven: body.consent,
          consentText: tenant.consentText,
          status: "PENDING",
          attempts: 0,
          lastError: null,
          nextAttemptAt: new Date(),
          claimedBy: null,
          claimedUntil: null,
        },
      });
    }
    return signupView(await db.signup.findUniqueOrThrow({ where, select: signupSelect }), unsubscribeLinksOf(runtime.env));
  },
);

export const listSignups = defineRoute(
  {
    method: "get",
    path: "/api/v1/signups",
    operationId: "listSignups",
    tag: "Signups",
    scope: "signups:read",
    summary: "List signups, newest first",
    query: z.object({
      tenantId: z.string().min(1).max(100).optional(),
      status: signupStatusSchema.optional(),
      since: z.iso
        .datetime({ message: "Use an ISO 8601 date-time, e.g. 2026-01-31T00:00:00Z." })
        .optional()
        .describe("Only signups created at or after this time"),
      email: z.string().min(1).max(254).optional().describe("Exact address (case-insensitive)"),
      ...pageQuerySchema,
    }),
    response: { status: 200, description: "A page of signups", schema: signupListSchema },
    problems: [404],
  },
  async ({ query }, { caller, db, runtime }) => {
    const where = {
      ...tenantFilter(caller, query.tenantId),
      ...(query.status === "pending"
        ? { status: { in: ["PENDING" as const, "WAITING" as const] } }
        : query.status
          ? { status: query.status.toUpperCase() as "SYNCED" | "FAILED" | "UNCONFIRMED" | "UNSUBSCRIBED" }
          : {}),
      ...(query.since ? { createdAt: { gte: new Date(query.since) } } : {}),
      ...(query.email ? { emailNormalized: normalizeEmail(query.email) } : {}),
    };
    const links = unsubscribeLinksOf(runtime.env);
    return listPage(
      query,
      where,
      (page) => db.signup.findMany({ ...page, select: signupSelect }),
      (row) => signupView(row, links),
    );
  },
);

export const getSignup = defineRoute(
  {
    method: "get",
    path: "/api/v1/signups/{signupId}",
    operationId: "getSignup",
    tag: "Signups",
    scope: "signups:read",
    summary: "Get one signup",
    params: signupParams,
    response: { status: 200, description: "The signup", schema: signupSchema },
    problems: [404],
  },
  async ({ params }, context) => signupView(await reachableSignup(context, params.signupId), unsubscribeLinksOf(context.runtime.env)),
);

export const retrySignup = defineRoute(
  {
    method: "post",
    path: "/api/v1/signups/{signupId}/retry",
    operationId: "retrySignup",
    tag: "Signups",
    scope: "signups:write",
    summary: "Retry a failed signup",
    params: signupParams,
    description: "Puts a failed signup back in the queue. Signups that are not failed answer 409.",
    response: { status: 202, description: "Queued again", schema: signupSchema },
    problems: [404, 409],
  },
  async ({ params }, context) => {
    const row = await reachableSignup(context, params.signupId);
    if (!(await retryFailedSignup(context.db, row.tenantId, row.id, context.actor))) {
      throw new AppError("conflict", `Only failed signups can be retried; this one is ${row.status.toLowerCase()}.`);
    }
    return signupView(
      await context.db.signup.findUniqueOrThrow({ where: { id: row.id }, select: signupSelect }),
      unsubscribeLinksOf(context.runtime.env),
    );
  },
);

export const unsubscribeSignup = defineRoute(
  {
    method: "post",
    path: "/api/v1/signups/{signupId}/unsubscribe",
    operationId: "unsubscribeSignup",
    tag: "Signups",
    scope: "signups:write",
    summary: "Unsubscribe a signup",
    description:
      "For an unsubscribe the person made on your side. The signup becomes `unsubscribed` (never synced again), HubSpot is told (UNSUBSCRIBED for the tenant's subscription type) and `signup.unsubscribed` goes to your webhooks. Unsubscribing twice changes nothing the second time.",
    params: signupParams,
    response: { status: 200, description: "Unsubscribed", schema: signupSchema },
    problems: [404],
  },
  async ({ params }, context) => {
    const row = await reachableSignup(context, params.signupId);
    await recordUnsubscribe(context.db, { id: row.id, tenantId: row.tenantId }, "api");
    return signupView(
      await context.db.signup.findUniqueOrThrow({ where: { id: row.id }, select: signupSelect }),
      unsubscribeLinksOf(context.runtime.env),
    );
  },
);
