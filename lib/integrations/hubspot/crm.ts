// The two CRM calls the connection page makes: a cheap authenticated read, and a test-contact
// upsert. SDK failures are mapped to our error kinds from the HTTP status and HubSpot's category.
import { AccessTokenRejectedError, ProviderResponseError, ProviderUnavailableError } from "../errors";
import type { ApiCheckResult, TestRecordResult } from "../provider";
import { batchUpsertResultSchema, contactsPageSchema, sdkErrorSchema } from "./schemas";
import { createHubspotSdkClient } from "./sdk-client";

export const CONTACTS_READ_SCOPE = "crm.objects.contacts.read";

/** Reads one contact. Without the read scope a 403 MISSING_SCOPES still proves the token authenticates. */
export async function checkContactsApi(apiBaseUrl: string, accessToken: string): Promise<ApiCheckResult> {
  const client = createHubspotSdkClient(accessToken, apiBaseUrl);
  try {
    const page = contactsPageSchema.parse(await client.crm.contacts.basicApi.getPage(1, undefined, ["email"]));
    return { ok: true, message: `CRM contacts API answered (${page.results.length} contact read)` };
  } catch (error) {
    const failure = sdkFailure(error);
    if (failure?.code === 403 && failure.category === "MISSING_SCOPES") {
      return { ok: true, message: `Token accepted; reading contacts needs the optional scope ${CONTACTS_READ_SCOPE}` };
    }
    throw mapCrmError(error, "reading contacts");
  }
}

export async function upsertTestContact(apiBaseUrl: string, accessToken: string, email: string): Promise<TestRecordResult> {
  const client = createHubspotSdkClient(accessToken, apiBaseUrl);
  try {
    const response = await client.crm.contacts.batchApi.upsert({
      inputs: [
        { id: email, idProperty: "email", properties: { email, firstname: "Switchboard", lastname: "Test contact" } },
      ],
    });
    const parsed = batchUpsertResultSchema.safeParse(response);
    if (!parsed.success) throw new ProviderResponseError("HubSpot's upsert response had no contact id");
    const first = parsed.data.results[0];
    if (!first) throw new ProviderResponseError("HubSpot's upsert response had no contact id");
    return { id: first.id, created: first._new ?? false };
  } catch (error) {
    throw mapCrmError(error, "creating the test contact");
  }
}

function sdkFailure(error: unknown): { code: number; category?: string } | undefined {
  const parsed = sdkErrorSchema.safeParse(error);
  if (!parsed.success) return undefined;
  return { code: parsed.data.code, ...(parsed.data.body?.category ? { category: parsed.data.body.category } : {}) };
}

export function mapCrmError(error: unknown, operation: string): Error {
  if (error instanceof ProviderResponseError) return error;
  const failure = sdkFailure(error);
  if (!failure) {
    return new ProviderUnavailableError(`Could not reach HubSpot while ${operation} (network error)`);
  }
  const { code, category } = failure;
  if (code === 401) return new AccessTokenRejectedError(`HubSpot rejected the access token while ${operation} (${category ?? "401"})`);
  if (code === 403) return new ProviderResponseError(`HubSpot refused ${operation}: ${category ?? "forbidden"} (403)`);
  if (code === 429 || code >= 500) return new ProviderUnavailableError(`HubSpot is unavailable while ${operation} (HTTP ${code})`);
  return new ProviderResponseError(`HubSpot refused ${operation} (HTTP ${code}${category ? `, ${category}` : ""})`);
}
