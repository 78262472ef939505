// What the simulator sent to the app's webhook URL: one entry per batch, with every attempt
// (retries included), for tests that check retries and for people reading `GET /_sim/webhooks/deliveries`.

export interface DeliveryAttempt {
  attemptNumber: number;
  time: string;
  /** The app's HTTP status; null when it did not answer in time or the connection failed. */
  status: number | null;
  error?: string;
  durationMs: number;
}

export interface WebhookDelivery {
  id: number;
  portalId: number;
  targetUrl: string;
  state: "pending" | "delivered" | "failed";
  /** The events as sent on the first attempt (later attempts differ only in attemptNumber). */
  events: Record<string, unknown>[];
  attempts: DeliveryAttempt[];
}

const MAX_DELIVERIES = 1_000;

export class WebhookDeliveries {
  private entries: WebhookDelivery[] = [];
  private nextId = 1;
  private nextEventId = 1;

  start(portalId: number, targetUrl: string, events: Record<string, unknown>[]): WebhookDelivery {
    const delivery: WebhookDelivery = { id: this.nextId++, portalId, targetUrl, state: "pending", events, attempts: [] };
    this.entries.push(delivery);
    if (this.entries.length > MAX_DELIVERIES) this.entries.shift();
    return delivery;
  }

  /** HubSpot's eventId (documented as not unique; here it counts up per run). */
  eventId(): number {
    return this.nextEventId++;
  }

  list(): WebhookDelivery[] {
    return structuredClone(this.entries);
  }

  clear(): void {
    this.entries = [];
  }
}
