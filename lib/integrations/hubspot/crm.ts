// The two CRM calls the connection page makes, on the 2026-03 contacts API: a cheap
// authenticated read, and a test-contact upsert (the same call the signup sync makes).
import { z } from "zod";
import { ProviderResponseError } from "../errors";
import type { ApiCheckResult, TestRecordResult } from "../provider";
import { hubspotPaths } from "./api-paths";
import type { HubspotConfig } from "./config";
import { upsertRequestBody } from "./contacts-batch-upsert";
import { classifyReply, classifyTransportError, failureToError } from "./failures";
import { hubspotRequest, type HubspotReply } from "./hubspot-http";

export const CONTACTS_READ_SCOPE = "crm.objects.contacts.read";

const contactsPageSchema = z.object({ results: z.array(z.object({ id: z.string().min(1) })) });

/** Reads one contact. Without the read scope a 403 MISSING_SCOPES still proves the token authenticates. */
export async function checkContactsApi(config: HubspotConfig, accessToken: string): Promise<ApiCheckResult> {
  const operation = "reading contacts";
  let reply: HubspotReply;
  try {
    reply = await hubspotRequest(config, {
      method: "GET",
      path: hubspotPaths.contacts,
      accessToken,
      query: { limit: "1", properties: "email" },
    });
  } catch (error) {
    throw failureToError(classifyTransportError(error, operation));
  }
  if (reply.status === 200) {
    const page = contactsPageSchema.safeParse(reply.body);
    if (!page.success) throw new ProviderResponseError("HubSpot answered the contacts read with an unexpected shape");
    return { ok: true, message: `CRM contacts API answered (${page.data.results.length} contact read)` };
  }
  const failure = classifyReply(reply, operation);
  if (failure.kind === "missing-scope") {
    return { ok: true, message: `Token accepted; reading contacts needs the optional scope ${CONTACTS_READ_SCOPE}` };
  }
  throw failureToError(failure);
}

const testUpsertSchema = z.object({ results: z.array(z.object({ id: z.string().min(1), new: z.boolean().optional() })).min(1) });

/** One upsert by email of a clearly labelled contact, the same call the signup sync makes. */
export async function upsertTestContact(config: HubspotConfig, accessToken: string, email: string): Promise<TestRecordResult> {
  const operation = "creating the test contact";
  const [input] = upsertRequestBody([{ traceId: "switchboard-test-contact", email, firstName: "Switchboard" }]).inputs;
  let reply: HubspotReply;
  try {
    reply = await hubspotRequest(config, {
      method: "POST",
      path: hubspotPaths.contactsBatchUpsert,
      accessToken,
      json: { inputs: [{ ...input, properties: { ...input?.properties, lastname: "Test contact" } }] },
    });
  } catch (error) {
    throw failureToError(classifyTransportError(error, operation));
  }
  if (reply.status !== 200 && reply.status !== 201) throw failureToError(classifyReply(reply, operation));
  const parsed = testUpsertSchema.safeParse(reply.body);
  const first = parsed.success ? parsed.data.results[0] : undefined;
  if (!first) throw new ProviderResponseError("HubSpot's upsert response had no contact id");
  return { id: first.id, created: first.new ?? false };
}
