// One webhook endpoint: its state, its actions (test, rotate, enable/disable, delete) and its
// delivery log with Redeliver. Never its secret.
import type { DeliveryRow } from "@switchboard/lib/webhooks/list-deliveries";
import { ActionButton } from "@/components/form/action-button";
import { SecretActionButton } from "./secret-action-button";
import {
  deleteTenantWebhookEndpoint,
  redeliverTenantWebhook,
  rotateTenantWebhookSecret,
  sendTenantTestEvent,
  setTenantWebhookEnabled,
} from "./webhook-actions";

export type EndpointView = {
  id: string;
  url: string;
  description: string;
  eventTypes: string;
  enabled: boolean;
  disabledReason: string | null;
  failingSince: Date | null;
};

const button = "rounded-md border border-slate-400 px-2 py-1 text-sm text-slate-900 hover:bg-slate-100";
const when = (date: Date | null) => (date ? date.toISOString().replace("T", " ").slice(0, 19) + " UTC" : "—");
const STATUS_LABEL = { PENDING: "Pending", DELIVERED: "Delivered", FAILED: "Failed" } as const;

export function WebhookEndpointCard({
  endpoint,
  deliveries,
  tenantSlug,
}: {
  endpoint: EndpointView;
  deliveries: DeliveryRow[];
  tenantSlug: string;
}) {
  const fields = { tenantSlug, endpointId: endpoint.id };
  return (
    <article className="space-y-3 rounded-md border border-slate-300 p-4" data-testid="webhook-endpoint">
      <header className="flex flex-wrap items-baseline gap-x-3">
        <h3 className="break-all font-mono text-sm font-semibold text-slate-900">{endpoint.url}</h3>
        <span className={endpoint.enabled ? "text-sm text-emerald-900" : "text-sm text-red-800"}>
          {endpoint.enabled ? "Enabled" : "Disabled"}
        </span>
      </header>
      {endpoint.description && <p className="text-sm text-slate-700">{endpoint.description}</p>}
      <p className="text-sm text-slate-700">Events: {endpoint.eventTypes ? endpoint.eventTypes.split(" ").join(", ") : "all"}</p>
      {endpoint.disabledReason && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">{endpoint.disabledReason}</p>
      )}
      {endpoint.enabled && endpoint.failingSince && (
        <p className="text-sm text-amber-900">
          Deliveries failing since {when(endpoint.failingSince)}; the endpoint is disabled after 3 days of failures.
        </p>
      )}
      <div className="flex flex-wrap items-start gap-2">
        <SecretActionButton action={sendTenantTestEvent} fields={fields} buttonClassName={button}>
          Send test event
        </SecretActionButton>
        <SecretActionButton action={rotateTenantWebhookSecret} fields={fields} buttonClassName={button}>
          Rotate secret
        </SecretActionButton>
        <ActionButton
          action={setTenantWebhookEnabled}
          fields={{ ...fields, enabled: endpoint.enabled ? "false" : "true" }}
          buttonClassName={button}
        >
          {endpoint.enabled ? "Disable" : "Enable"}
        </ActionButton>
        <ActionButton
          action={deleteTenantWebhookEndpoint}
          fields={fields}
          buttonClassName="rounded-md border border-red-700 px-2 py-1 text-sm text-red-800 hover:bg-red-50"
        >
          Delete
        </ActionButton>
      </div>
      <table className="w-full text-left text-sm" aria-label={`Deliveries to ${endpoint.url}`}>
        <thead>
          <tr className="border-b border-slate-300 text-slate-700">
            <th className="py-1">Event</th>
            <th>Status</th>
            <th>Attempts</th>
            <th>HTTP</th>
            <th>Latency</th>
            <th>Created</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {deliveries.length === 0 && (
            <tr>
              <td colSpan={7} className="py-2 text-slate-700">
                No deliveries yet.
              </td>
            </tr>
          )}
          {deliveries.map((delivery) => (
            <tr key={delivery.id} className="border-b border-slate-200" data-testid="webhook-delivery">
              <td className="py-1">
                <code>{delivery.event.type}</code> <span className="text-xs text-slate-600">{delivery.eventId}</span>
              </td>
              <td>
                {STATUS_LABEL[delivery.status]}
                {delivery.lastError ? ` — ${delivery.lastError}` : ""}
              </td>
              <td>{delivery.attempts}</td>
              <td>{delivery.lastStatusCode ?? "—"}</td>
              <td>{delivery.lastLatencyMs === null ? "—" : `${delivery.lastLatencyMs} ms`}</td>
              <td>{when(delivery.createdAt)}</td>
              <td>
                <ActionButton action={redeliverTenantWebhook} fields={{ ...fields, deliveryId: delivery.id }} buttonClassName={button}>
                  Redeliver
                </ActionButton>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
