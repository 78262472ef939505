import { z } from "zod";
import type { ContactList } from "../state/list-store";

// Wire shapes of the lists API 2026-03 (HUBSPOT-2026-03.md §6).

export const CONTACT_OBJECT_TYPE_ID = "0-1";

export const createListSchema = z.looseObject({
  name: z.string().trim().min(1),
  objectTypeId: z.string(),
  processingType: z.enum(["MANUAL", "DYNAMIC", "SNAPSHOT"]),
  listFolderId: z.number().int().optional(),
  filterBranch: z.looseObject({}).optional(),
});

export const searchListsSchema = z.looseObject({
  query: z.string().optional(),
  count: z.number().int().min(1).max(500).default(20),
  offset: z.number().int().min(0).default(0),
  processingTypes: z.array(z.enum(["MANUAL", "DYNAMIC", "SNAPSHOT"])).optional(),
});

export const recordIdsSchema = z.array(z.union([z.string().regex(/^\d+$/), z.number().int().positive()]).transform(String));
export const addAndRemoveSchema = z.looseObject({
  recordIdsToAdd: recordIdsSchema.default([]),
  recordIdsToRemove: recordIdsSchema.default([]),
});

export function listJson(list: ContactList) {
  return {
    listId: list.listId,
    listVersion: 1,
    name: list.name,
    objectTypeId: CONTACT_OBJECT_TYPE_ID,
    processingType: list.processingType,
    processingStatus: "COMPLETE",
    createdAt: new Date(list.createdAt).toISOString(),
    updatedAt: new Date(list.updatedAt).toISOString(),
    filtersUpdatedAt: new Date(list.createdAt).toISOString(),
    ...(list.filterBranch === undefined ? {} : { filterBranch: list.filterBranch }),
    additionalProperties: { hs_list_size: String(list.members.size), hs_list_reference_count: "0" },
  };
}
