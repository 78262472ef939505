// An endpoint's delivery log, newest first: each event, its state, attempts, last status and latency.
import type { Db } from "@/lib/db/create-client";

export const deliverySelect = {
  id: true,
  eventId: true,
  status: true,
  attempts: true,
  lastStatusCode: true,
  lastLatencyMs: true,
  lastError: true,
  nextAttemptAt: true,
  deliveredAt: true,
  createdAt: true,
  event: { select: { type: true } },
} as const;

export type DeliveryRow = {
  id: string;
  eventId: string;
  status: "PENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  lastStatusCode: number | null;
  lastLatencyMs: number | null;
  lastError: string | null;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  createdAt: Date;
  event: { type: string };
};

export async function listRecentDeliveries(db: Db, endpointId: string, take = 20): Promise<DeliveryRow[]> {
  return db.webhookDelivery.findMany({
    where: { endpointId },
    select: deliverySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}
