// One HubSpot exchange for the consent calls: transport errors and non-2xx answers become a
// ConsentFailure through the one classification (failures.ts); a 2xx body is parsed by the caller.
import type { ConsentFailure, ConsentReply } from "../consent-calls";
import type { HubspotConfig } from "./config";
import { classifyReply, classifyTransportError, type HubspotFailure } from "./failures";
import { hubspotRequest, type HubspotReply, type HubspotRequest } from "./hubspot-http";

export type Exchange = { ok: true; reply: HubspotReply } | { ok: false; failure: ConsentFailure; reply: HubspotReply | null };

export async function exchange(config: HubspotConfig, request: HubspotRequest, operation: string): Promise<Exchange> {
  let reply: HubspotReply;
  try {
    reply = await hubspotRequest(config, request);
  } catch (error) {
    return { ok: false, failure: toConsentFailure(classifyTransportError(error, operation)), reply: null };
  }
  if (reply.status >= 200 && reply.status < 300) return { ok: true, reply };
  return { ok: false, failure: toConsentFailure(classifyReply(reply, operation)), reply };
}

export function toConsentFailure(failure: HubspotFailure): ConsentFailure {
  switch (failure.kind) {
    case "invalid-grant":
      return { kind: "unexpected", reason: failure.reason };
    case "invalid-data":
      return { kind: "invalid-data", reason: failure.reason };
    case "unexpected":
      return { kind: "unexpected", reason: failure.reason };
    default:
      return failure;
  }
}

export function failed<T>(failure: ConsentFailure, calls: number, reply: HubspotReply | null): ConsentReply<T> {
  return { ok: false, failure, calls, rateLimit: reply?.rateLimit ?? null };
}

export function unexpectedShape<T>(what: string, calls: number, reply: HubspotReply): ConsentReply<T> {
  return failed({ kind: "unexpected", reason: `HubSpot answered ${what} with an unexpected shape` }, calls, reply);
}
