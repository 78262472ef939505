// Our notice codes (the only thing our redirects carry) and the sentences admins read for them.
import type { NoticeCode } from "@switchboard/lib/integrations/flows/callback-outcome";

export type PageNoticeCode = NoticeCode | "disconnected" | "disconnected_uninstalled" | "disconnected_unconfirmed" | "not_configured";

export type PageNotice = { tone: "success" | "warning" | "error"; text: string };

/** Where a HubSpot super admin removes an installed app: revoking our tokens does not. */
export const UNINSTALL_PATH = "Marketplace icon → Connected apps → Switchboard → Actions → Uninstall";

export function noticeFor(code: string | undefined, portal: string | undefined): PageNotice | null {
  const p = portal && /^\d{1,20}$/.test(portal) ? `portal ${portal}` : "the portal";
  switch (code as PageNoticeCode | undefined) {
    case "connected":
      return { tone: "success", text: `HubSpot ${p} is connected.` };
    case "reconnected":
      return { tone: "success", text: `HubSpot ${p} is reconnected; its new access replaced the old one.` };
    case "already_connected":
      return { tone: "success", text: `HubSpot ${p} was already connected; its access has been renewed.` };
    case "wrong_portal":
      return {
        tone: "warning",
        text: `You authorized a different HubSpot account (${p}) than the one you meant to reconnect. Nothing changed: reconnect again and pick the same account.`,
      };
    case "missing_required_scopes":
      return {
        tone: "error",
        text: `The HubSpot account you chose (${p}) did not grant the permissions Switchboard requires. Ask a HubSpot super admin, or pick another account.`,
      };
    case "consent_cancelled":
      return { tone: "warning", text: "You cancelled on HubSpot's consent screen, so nothing was connected." };
    case "authorization_failed":
      return { tone: "error", text: "HubSpot did not authorize the connection. Nothing was saved; please try again." };
    case "code_rejected":
      return {
        tone: "error",
        text: "HubSpot rejected the authorization (it may have expired or been used already). Nothing was saved; please connect again.",
      };
    case "provider_unavailable":
      return { tone: "error", text: "HubSpot could not be reached to finish connecting. Nothing was saved; please try again in a minute." };
    case "disconnected_uninstalled":
      return {
        tone: "success",
        text: `Disconnected ${p}: Switchboard's access was revoked, the stored tokens were deleted and the app was uninstalled from the portal (HubSpot emails its admins about it).`,
      };
    case "disconnected":
      return {
        tone: "success",
        text: `Disconnected ${p}. HubSpot confirmed Switchboard's access was revoked and the stored tokens were deleted. The app stays installed in the HubSpot portal (another workspace uses it, or the uninstall did not go through); a super admin can uninstall it there (${UNINSTALL_PATH}).`,
      };
    case "disconnected_unconfirmed":
      return {
        tone: "warning",
        text: `Disconnected ${p} and deleted the stored tokens, but HubSpot could not confirm the revocation. To be sure, uninstall the app in HubSpot (${UNINSTALL_PATH}).`,
      };
    case "not_configured":
      return { tone: "error", text: "HubSpot is not configured on this server (HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET)." };
    case "connection_missing":
      return { tone: "error", text: "That connection no longer exists in this tenant." };
    default:
      return null;
  }
}
