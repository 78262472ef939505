import { z } from "zod";
import { KNOWN_SCOPES } from "./scopes";

// HubSpot accounts ("portals") the simulator knows. Only `id` is required: the rest defaults from
// it, so a file of 10,000 portals can be `[{"id":1},{"id":2},…]` and a portal created on demand
// (config `createPortalsOnDemand`) looks like any other.

export const portalSchema = z
  .object({
    id: z.number().int().positive(),
    name: z.string().min(1).optional(),
    hubDomain: z.string().min(1).optional(),
    userEmail: z.email().optional(),
    userId: z.number().int().positive().optional(),
    scopes: z.array(z.string().min(1)).optional(),
    /** The portal's data-privacy (GDPR) setting: when on, status writes need a legal basis. */
    dataPrivacy: z.boolean().optional(),
    /** Settings › Integrations › Marketing contacts for this app: contacts it creates are marketing contacts. */
    createAsMarketingContacts: z.boolean().optional(),
  })
  .strict()
  .transform((input): Portal => portalFor(input.id, input));

/** A list of portals as the env, a portals file or `POST /_sim/portals` give it: objects, or bare ids. */
export const portalListSchema = z
  .array(
    z.union([
      z
        .number()
        .int()
        .positive()
        .transform((id) => portalFor(id)),
      portalSchema,
    ]),
  )
  .min(1)
  .refine((portals) => new Set(portals.map((portal) => portal.id)).size === portals.length, "portal ids must be unique");

export interface Portal {
  id: number;
  name: string;
  hubDomain: string;
  userEmail: string;
  userId: number;
  scopes: string[];
  dataPrivacy: boolean;
  createAsMarketingContacts: boolean;
}

const allScopes = [...KNOWN_SCOPES];

/** A portal with every field filled in: the given ones, else defaults derived from the id. */
export function portalFor(id: number, given: Partial<Omit<Portal, "id">> = {}): Portal {
  const domain = given.hubDomain ?? `portal-${id}.hubspot.test`;
  return {
    id,
    name: given.name ?? `Portal ${id}`,
    hubDomain: domain,
    userEmail: given.userEmail ?? `admin@${domain}`,
    userId: given.userId ?? id,
    scopes: given.scopes ?? [...allScopes],
    dataPrivacy: given.dataPrivacy ?? false,
    createAsMarketingContacts: given.createAsMarketingContacts ?? false,
  };
}

export const DEFAULT_PORTALS: Portal[] = [
  portalFor(62515, { name: "Demo Company (all scopes)", hubDomain: "demo-62515.hubspot.test", userId: 1001 }),
  portalFor(70001, {
    name: "Read-restricted Company (no contacts read)",
    hubDomain: "noread-70001.hubspot.test",
    userId: 1002,
    scopes: allScopes.filter((scope) => scope !== "crm.objects.contacts.read"),
  }),
  portalFor(80002, {
    name: "Write-restricted Company (no contacts write)",
    hubDomain: "nowrite-80002.hubspot.test",
    userId: 1003,
    scopes: allScopes.filter((scope) => scope !== "crm.objects.contacts.write"),
  }),
];
