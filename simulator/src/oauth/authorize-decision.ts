import type { RequestContext } from "../http/context";
import { readForm } from "../http/read-body";
import { sendHtml, sendRedirect } from "../http/respond";
import { errorPage } from "../pages/error-page";
import { redirectWith, validateAuthorizeRequest } from "./authorize-request";

// POST /oauth/authorize/decision — the consent form's target: 302 back to the app with a code or an error.
export async function decideAuthorization(ctx: RequestContext): Promise<void> {
  const form = await readForm(ctx.req);
  const { state: sim } = ctx;
  const validation = validateAuthorizeRequest(form, sim.config);
  if (!validation.ok) return sendHtml(ctx.res, 400, errorPage(validation.title, validation.message));
  const { request } = validation;

  const decision = form.get("decision");
  if (decision === "cancel") {
    return sendRedirect(
      ctx.res,
      redirectWith(request.redirectUri, {
        error: "access_denied",
        error_description: "The user declined to grant access to the app.",
        state: request.state,
      }),
    );
  }
  if (decision !== "grant") {
    return sendHtml(ctx.res, 400, errorPage("Invalid decision", 'The decision must be "grant" or "cancel".'));
  }

  const portal = sim.namedPortal(Number(form.get("portal_id")));
  if (!portal) return sendHtml(ctx.res, 400, errorPage("Unknown account", "Choose one of the listed HubSpot accounts."));
  ctx.note.portalId = portal.id;

  // A required scope the account lacks fails the install; the app hears about it through the redirect.
  const missing = request.scopes.filter((scope) => !portal.scopes.includes(scope));
  if (missing.length > 0) {
    return sendRedirect(
      ctx.res,
      redirectWith(request.redirectUri, {
        error: "invalid_scope",
        error_description: `The account ${portal.id} does not have access to the required scopes: ${missing.join(", ")}`,
        state: request.state,
      }),
    );
  }

  const granted = [...request.scopes, ...request.optionalScopes.filter((scope) => portal.scopes.includes(scope))];
  const code = sim.tokens.issueCode(
    {
      portalId: portal.id,
      userId: portal.userId,
      userEmail: portal.userEmail,
      hubDomain: portal.hubDomain,
      clientId: request.clientId,
      scopes: granted,
    },
    request.redirectUri,
    sim.config.codeTtlSeconds,
  );
  sendRedirect(ctx.res, redirectWith(request.redirectUri, { code: code.code, state: request.state }));
}
