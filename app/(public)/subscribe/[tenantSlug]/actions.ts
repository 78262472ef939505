"use server";
// Server action behind the public signup form, through the one form-action wrapper. Works as a
// plain form post without JavaScript. Refusals (bad fields, too many attempts) are AppErrors, the
// same ones the public signup API answers with.
import { headers } from "next/headers";
import { z } from "zod";
import { AppError } from "@switchboard/lib/app-error";
import { clientIpFrom } from "@switchboard/lib/http/client-ip";
import { processRuntime } from "@switchboard/lib/runtime/process-runtime";
import { appSubscribeContext, assertSignupAllowance, submitSignup } from "@switchboard/lib/signups/intake/handle-subscribe";
import { findPublicTenant } from "@switchboard/lib/signups/intake/public-tenant";
import { formAction } from "@/web/form-action";

const UNAVAILABLE = "We could not take your signup right now. Please try again in a moment.";

// The fields themselves are checked by the one signup schema inside submitSignup.
const subscribeFields = z.looseObject({ tenantSlug: z.string().max(100) });

export const subscribe = formAction(
  {
    name: "subscribe",
    schema: subscribeFields,
    refill: ["email", "firstName", "lastName", "company", "freeText", "consent"],
    failure: UNAVAILABLE,
  },
  async ({ tenantSlug, ...fields }) => {
    const { store, limiter, confirmationMailing } = appSubscribeContext(processRuntime());
    const tenant = await findPublicTenant(store.db, tenantSlug);
    // The page itself 404s for unknown tenants; a stale form gets the same neutral failure.
    if (!tenant) throw new AppError("unavailable", UNAVAILABLE);
    await assertSignupAllowance(
      limiter,
      tenant.id,
      clientIpFrom(await headers()),
      (seconds) => `Too many attempts. Please try again in ${seconds} seconds.`,
    );
    await submitSignup(store, tenant, fields, confirmationMailing);
    return { ok: true, message: "Thank you for subscribing." };
  },
);
