// Where links in people mails point, from the configuration (APP_URL, the product's name).
import { serverEnv } from "@/lib/env/server";
import { clientEnv } from "@/lib/env/client";
import type { InvitationLinks } from "./invitations/create-invitation";

export function configuredLinks(): InvitationLinks {
  return { appUrl: serverEnv().APP_URL, productName: clientEnv.NEXT_PUBLIC_PRODUCT_NAME };
}
