// Where links in people mails point, from the configuration (APP_URL, the product's name).
import { serverEnv } from "@/lib/env/server";
import { clientEnv } from "@/lib/env/client";

/** Where links in mails point and the name they sign with. */
export type PeopleLinks = { appUrl: string; productName: string };

export function configuredLinks(): PeopleLinks {
  return { appUrl: serverEnv().APP_URL, productName: clientEnv.NEXT_PUBLIC_PRODUCT_NAME };
}
