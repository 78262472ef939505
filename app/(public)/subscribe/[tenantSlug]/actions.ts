"use server";
// Server action behind the public signup form. Works as a plain form post without JavaScript.
import { headers } from "next/headers";
import { clientIpFrom } from "@switchboard/lib/http/client-ip";
import { db } from "@switchboard/lib/db";
import { serverEnv } from "@switchboard/lib/env/server";
import { log } from "@switchboard/lib/log";
import { appMailer } from "@switchboard/lib/mail/mailer";
import { consumeSignupAllowance } from "@switchboard/lib/signups/intake/intake-rate-limiter";
import { submitSignup } from "@switchboard/lib/signups/intake/handle-subscribe";
import { findPublicTenant } from "@switchboard/lib/signups/intake/public-tenant";
import type { SubscribeFormState } from "./subscribe-form-state";

export async function subscribe(tenantSlug: string, _previous: SubscribeFormState, formData: FormData): Promise<SubscribeFormState> {
  const fields: Record<string, unknown> = {};
  formData.forEach((value, key) => {
    if (typeof value === "string" && !key.startsWith("$ACTION")) fields[key] = value;
  });
  try {
    const tenant = await findPublicTenant(db, tenantSlug);
    // The page itself 404s for unknown tenants; a stale form gets the same neutral failure.
    if (!tenant) return { status: "unavailable" };
    const ip = clientIpFrom(await headers()) ?? "unknown";
    const { DATABASE_URL: databaseUrl, APP_URL: appUrl } = serverEnv();
    const allowance = await consumeSignupAllowance(databaseUrl, tenant.id, ip);
    if (!allowance.allowed) return { status: "throttled", retryAfterSeconds: allowance.retryAfterSeconds };
    const outcome = await submitSignup({ db, databaseUrl, confirmationMailing: { mailer: appMailer(), appUrl } }, tenant, fields);
    if (outcome.kind === "accepted") return { status: "thanks" };
    return {
      status: "invalid",
      fieldErrors: outcome.fieldErrors,
      values: {
        email: typeof fields.email === "string" ? fields.email : "",
        firstName: typeof fields.firstName === "string" ? fields.firstName : "",
        consent: fields.consent === "on",
      },
    };
  } catch (error) {
    log.error("signup form failed", { tenantSlug, error });
    return { status: "unavailable" };
  }
}
