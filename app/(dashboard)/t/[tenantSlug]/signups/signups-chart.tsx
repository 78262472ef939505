// Signups per day for the last 30 days, stacked by where they stand now: a plain SVG rendered on
// the server (no chart library, no client JavaScript), with the figures also in a hidden table
// for screen readers.
import type { DailySignups } from "@switchboard/lib/signups/dashboard/signup-overview";

const WIDTH = 600;
const HEIGHT = 120;
const layers = [
  { key: "SYNCED", label: "Synced", fill: "#059669" },
  { key: "PENDING", label: "Pending", fill: "#d97706" },
  { key: "FAILED", label: "Failed", fill: "#dc2626" },
  { key: "UNCONFIRMED", label: "Unconfirmed", fill: "#6366f1" },
  { key: "UNSUBSCRIBED", label: "Unsubscribed", fill: "#64748b" },
] as const;

export function SignupsChart({ days }: { days: DailySignups[] }) {
  const totals = days.map((day) => layers.reduce((total, layer) => total + day[layer.key], 0));
  const peak = Math.max(1, ...totals);
  const slot = WIDTH / days.length;
  const sum = totals.reduce((a, b) => a + b, 0);
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4" data-testid="signups-chart">
      <figcaption className="mb-2 flex flex-wrap items-baseline justify-between gap-2 text-sm text-slate-800">
        <span className="font-semibold text-slate-900">Signups per day, last 30 days ({sum.toLocaleString("en-US")})</span>
        <span className="flex gap-3">
          {layers.map((layer) => (
            <span key={layer.key} className="flex items-center gap-1">
              {/* An SVG fill, not a style attribute: the page's CSP refuses inline styles. */}
              <svg aria-hidden width="12" height="12" viewBox="0 0 12 12" data-testid="legend-swatch">
                <rect width="12" height="12" rx="2" fill={layer.fill} />
              </svg>
              {layer.label}
            </span>
          ))}
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-32 w-full"
        role="img"
        aria-label={`Signups per day over the last 30 days, ${sum} in all; the table below has the figures`}
      >
        {days.map((day, index) => {
          let top = HEIGHT;
          return (
            <g key={day.day}>
              <title>{`${day.day}: ${layers.map((layer) => `${day[layer.key]} ${layer.label.toLowerCase()}`).join(", ")}`}</title>
              {layers.map((layer) => {
                const height = (day[layer.key] / peak) * (HEIGHT - 4);
                top -= height;
                return height > 0 ? (
                  <rect key={layer.key} x={index * slot + 1} y={top} width={slot - 2} height={height} fill={layer.fill} />
                ) : null;
              })}
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>Signups per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {layers.map((layer) => (
              <th key={layer.key} scope="col">
                {layer.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.day}>
              <th scope="row">{day.day}</th>
              {layers.map((layer) => (
                <td key={layer.key}>{day[layer.key]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
