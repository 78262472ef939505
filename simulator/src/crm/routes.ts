import type { Route } from "../http/context";
import { addAdditionalEmail } from "./additional-emails";
import { batchCreateContacts, batchUpsertContacts } from "./contacts-batch";
import { createContact, getContact, listContacts, updateContact } from "./contacts-basic";
import { searchContacts } from "./contacts-search";
import { setMarketingStatus } from "./marketing-status";

// The same contacts API on both path families: the date-versioned 2026-03 one new clients use
// (the version follows the API family), and v3, which older clients call until its 2027 sunset.
const CONTACT_PATHS = ["/crm/objects/2026-03/contacts", "/crm/v3/objects/contacts"];

export const crmRoutes: Route[] = [
  ...CONTACT_PATHS.flatMap((contacts): Route[] => [
    { method: "POST", path: contacts, handler: createContact },
    { method: "GET", path: contacts, handler: listContacts },
    { method: "POST", path: `${contacts}/search`, handler: searchContacts },
    { method: "POST", path: `${contacts}/batch/create`, handler: batchCreateContacts },
    { method: "POST", path: `${contacts}/batch/upsert`, handler: batchUpsertContacts },
    { method: "GET", path: `${contacts}/:contactId`, handler: getContact },
    { method: "PATCH", path: `${contacts}/:contactId`, handler: updateContact },
  ]),
  // Control route (never logged or faulted): gives a contact an additional email, which HubSpot
  // sets through merges and its UI, not through the write API.
  { method: "POST", path: "/_sim/portals/:portalId/contacts/:contactId/additional-emails", handler: addAdditionalEmail },
  { method: "PATCH", path: "/_sim/portals/:portalId/contacts/:contactId/marketing-status", handler: setMarketingStatus },
];
