// Unconfirmed / Pending / Synced / Failed / Unsubscribed totals of the tenant's signups.
import type { StatusCounts } from "@switchboard/lib/signups/dashboard/signup-overview";

const cards = [
  { key: "UNCONFIRMED", label: "Unconfirmed", tone: "border-indigo-300 bg-indigo-50 text-indigo-950" },
  { key: "PENDING", label: "Pending", tone: "border-amber-300 bg-amber-50 text-amber-950" },
  { key: "SYNCED", label: "Synced", tone: "border-emerald-300 bg-emerald-50 text-emerald-950" },
  { key: "FAILED", label: "Failed", tone: "border-red-300 bg-red-50 text-red-950" },
  { key: "UNSUBSCRIBED", label: "Unsubscribed", tone: "border-slate-300 bg-slate-50 text-slate-900" },
] as const;

export function StatusCountsPanel({ counts }: { counts: StatusCounts }) {
  return (
    <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5" aria-label="Signups by status">
      {cards.map((card) => (
        <div key={card.key} className={`rounded-lg border p-4 ${card.tone}`} data-testid={`count-${card.key.toLowerCase()}`}>
          <dt className="text-sm font-medium">{card.label}</dt>
          <dd className="mt-1 text-3xl font-semibold">{counts[card.key]}</dd>
        </div>
      ))}
    </dl>
  );
}
