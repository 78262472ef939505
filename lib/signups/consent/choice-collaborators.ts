// What choosing (and listing the choices of) the newsletter's subscription type or list needs: the
// provider's consent calls and a usable access token — from the process's runtime in the app.
import type { Db } from "@/lib/db/create-client";
import type { ConsentProvider } from "@/lib/integrations/consent-calls";
import { getValidAccessToken } from "@/lib/integrations/tokens/access-token";
import type { Runtime } from "@/lib/runtime/runtime";

export type ChoiceCollaborators = { consent: ConsentProvider; accessToken: (db: Db, connectionId: string) => Promise<string> };

export function runtimeChoiceCollaborators(runtime: Pick<Runtime, "providers" | "integrations">): ChoiceCollaborators {
  return {
    consent: runtime.providers.contactSync(),
    accessToken: (db, connectionId) => getValidAccessToken(db, connectionId, runtime.integrations),
  };
}
