// How the signups page reaches the portal's contact properties: the process's contact-sync provider
// (built on use, so a page without HubSpot configured still renders) and a valid access token.
import "server-only";
import { getValidAccessToken } from "@switchboard/lib/integrations/tokens/access-token";
import { db, processRuntime } from "@switchboard/lib/runtime/process-runtime";
import type { FieldMappingCollaborators } from "@switchboard/lib/signups/fields/field-mapping";

export function fieldMappingCollaborators(): FieldMappingCollaborators {
  return {
    provider: { listContactProperties: (accessToken) => processRuntime().providers.contactSync().listContactProperties(accessToken) },
    accessToken: (database: typeof db, connectionId: string) => getValidAccessToken(database, connectionId),
  };
}
