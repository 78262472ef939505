// Every /api/v1 route, in the order the reference lists them. The OpenAPI document is built from
// this list, so a route missing here is missing from the document (and its contract test).
import type { ApiRoute } from "../define-route";
import { getConnection, issueAccessToken, listConnections } from "./connection-routes";
import { whoami } from "./whoami-route";

export const allRoutes: ApiRoute[] = [whoami, listConnections, getConnection, issueAccessToken];
