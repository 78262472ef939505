import type { Route } from "../http/context";
import { batchReadStatuses, batchReadUnsubscribeAll, batchUnsubscribeAll, batchWriteStatuses } from "./batch-statuses";
import { communicationPreferencesControlRoutes } from "./control-routes";
import { listDefinitions } from "./definitions";
import { getStatuses, postStatus } from "./statuses";
import { getUnsubscribeAll, postUnsubscribeAll } from "./unsubscribe-all";

const BASE = "/communication-preferences/2026-03";

// The batch routes come first: `/statuses/batch/unsubscribe-all` would otherwise match
// `/statuses/:email/unsubscribe-all` with "batch" as the address.
export const communicationPreferencesRoutes: Route[] = [
  { method: "GET", path: `${BASE}/definitions`, handler: listDefinitions },
  { method: "POST", path: `${BASE}/statuses/batch/read`, handler: batchReadStatuses },
  { method: "POST", path: `${BASE}/statuses/batch/write`, handler: batchWriteStatuses },
  { method: "POST", path: `${BASE}/statuses/batch/unsubscribe-all`, handler: batchUnsubscribeAll },
  { method: "POST", path: `${BASE}/statuses/batch/unsubscribe-all/read`, handler: batchReadUnsubscribeAll },
  { method: "GET", path: `${BASE}/statuses/:email`, handler: getStatuses },
  { method: "POST", path: `${BASE}/statuses/:email`, handler: postStatus },
  { method: "GET", path: `${BASE}/statuses/:email/unsubscribe-all`, handler: getUnsubscribeAll },
  { method: "POST", path: `${BASE}/statuses/:email/unsubscribe-all`, handler: postUnsubscribeAll },
  ...communicationPreferencesControlRoutes,
];
