import type { Route } from "../http/context";
import { batchCreateContacts, batchUpsertContacts } from "./contacts-batch";
import { createContact, getContact, listContacts, updateContact } from "./contacts-basic";
import { searchContacts } from "./contacts-search";

const CONTACTS = "/crm/v3/objects/contacts";

export const crmRoutes: Route[] = [
  { method: "POST", path: CONTACTS, handler: createContact },
  { method: "GET", path: CONTACTS, handler: listContacts },
  { method: "POST", path: `${CONTACTS}/search`, handler: searchContacts },
  { method: "POST", path: `${CONTACTS}/batch/create`, handler: batchCreateContacts },
  { method: "POST", path: `${CONTACTS}/batch/upsert`, handler: batchUpsertContacts },
  { method: "GET", path: `${CONTACTS}/:contactId`, handler: getContact },
  { method: "PATCH", path: `${CONTACTS}/:contactId`, handler: updateContact },
];
