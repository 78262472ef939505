// What the OAuth callback can end in: back to the integrations page with one of OUR notice codes
// (never a token, code or provider text in the URL), or a clear error page with a 4xx status.
import { z } from "zod";

export const callbackQuerySchema = z.object({
  state: z
    .string({ message: "missing" })
    .min(16)
    .max(512)
    .regex(/^[A-Za-z0-9_-]+$/),
  code: z.string().min(1).max(4096).optional(),
  error: z.string().min(1).max(200).optional(),
  error_description: z.string().max(2000).optional(),
});

export const noticeCodes = [
  "connected",
  "reconnected",
  "already_connected",
  "wrong_portal",
  "connection_missing",
  "missing_required_scopes",
  "consent_cancelled",
  "authorization_failed",
  "code_rejected",
  "provider_unavailable",
] as const;
export type NoticeCode = (typeof noticeCodes)[number];

export type CallbackOutcome =
  | { kind: "redirect"; tenantSlug: string; notice: NoticeCode; portal?: string }
  | { kind: "error"; status: 400 | 401 | 403; title: string; message: string };

export function integrationsLocation(outcome: Extract<CallbackOutcome, { kind: "redirect" }>): string {
  const params = new URLSearchParams({ notice: outcome.notice });
  if (outcome.portal && /^\d+$/.test(outcome.portal)) params.set("portal", outcome.portal);
  return `/t/${encodeURIComponent(outcome.tenantSlug)}/integrations?${params.toString()}`;
}

export const callbackErrors = {
  invalidRequest: {
    kind: "error",
    status: 400,
    title: "This connection link is incomplete",
    message: "The answer from HubSpot was missing its state. Start again from the Integrations page.",
  },
  unknownState: {
    kind: "error",
    status: 400,
    title: "This connection link is not valid",
    message: "It was already used, or was never issued by Switchboard. Start again from the Integrations page.",
  },
  expiredState: {
    kind: "error",
    status: 400,
    title: "This connection link expired",
    message: "Connection links last 10 minutes. Start again from the Integrations page.",
  },
  otherUser: {
    kind: "error",
    status: 403,
    title: "This connection was started by someone else",
    message: "Only the admin who pressed Connect can finish it. Start your own connection from the Integrations page.",
  },
  notAdmin: {
    kind: "error",
    status: 403,
    title: "You can no longer manage this tenant's integrations",
    message: "Only owners and admins can connect HubSpot. Nothing was saved.",
  },
  missingCode: {
    kind: "error",
    status: 400,
    title: "HubSpot did not send an authorization code",
    message: "Nothing was saved. Start again from the Integrations page.",
  },
} as const satisfies Record<string, CallbackOutcome>;
