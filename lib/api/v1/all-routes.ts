// Every /api/v1 route, in the order the reference lists them. The OpenAPI document is built from
// this list, so a route missing here is missing from the document (and its contract test).
import type { ApiRoute } from "../define-route";
import { createConnectSessionRoute } from "./connect-session-routes";
import { deleteConnection, getConnection, issueAccessToken, listConnectionEvents, listConnections } from "./connection-routes";
import { createSignup, getSignup, listSignups, retrySignup, unsubscribeSignup } from "./signup-routes";
import { createTenant, deleteTenant, getTenant, inviteTenantMember, listTenants, updateTenant } from "./tenant-routes";
import { listWebhookDeliveries, redeliverWebhook, sendTestWebhook } from "./webhook-delivery-routes";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from "./webhook-endpoint-routes";
import { whoami } from "./whoami-route";

export const allRoutes: ApiRoute[] = [
  whoami,
  listConnections,
  getConnection,
  deleteConnection,
  listConnectionEvents,
  issueAccessToken,
  createConnectSessionRoute,
  createSignup,
  listSignups,
  getSignup,
  retrySignup,
  unsubscribeSignup,
  listTenants,
  createTenant,
  getTenant,
  updateTenant,
  deleteTenant,
  inviteTenantMember,
  listWebhookEndpoints,
  createWebhookEndpoint,
  getWebhookEndpoint,
  updateWebhookEndpoint,
  deleteWebhookEndpoint,
  rotateWebhookSecret,
  listWebhookDeliveries,
  sendTestWebhook,
  redeliverWebhook,
];
