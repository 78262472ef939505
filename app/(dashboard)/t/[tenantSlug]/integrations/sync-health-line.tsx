// "Last 24 h: 12,400 contacts synced · 3 failed · 1 rate-limit pause" under a connection's details,
// with a bar showing the share that failed, so trouble stands out before anyone reads numbers.
import type { SyncHealth } from "@switchboard/lib/integrations/view/sync-health";

export function SyncHealthLine({ health }: { health: SyncHealth }) {
  const attempted = health.synced + health.failed;
  const failedShare = attempted === 0 ? 0 : health.failed / attempted;
  // At least 1% so a single failure among thousands still shows.
  const failedWidth = Math.max(1, failedShare * 100);
  const tone = health.failed > 0 || health.rateLimited > 0 ? "text-amber-950" : "text-slate-800";
  return (
    <div className="my-4 space-y-1" data-testid="sync-health">
      <p className={`text-sm ${tone}`}>
        <span className="font-semibold">Last 24 h:</span>{" "}
        {attempted === 0 && health.rateLimited === 0 ? (
          "no signups synced"
        ) : (
          <>
            {health.synced.toLocaleString("en-US")} contacts synced · {health.failed.toLocaleString("en-US")} failed attempts ·{" "}
            {health.rateLimited.toLocaleString("en-US")} rate-limit {health.rateLimited === 1 ? "pause" : "pauses"}
          </>
        )}
      </p>
      {attempted > 0 && (
        // An SVG stretched to the line's width, with the failed share drawn from the right: the page's
        // CSP refuses style attributes, and SVG geometry is an attribute, not a style.
        <svg
          aria-hidden
          viewBox="0 0 100 1"
          preserveAspectRatio="none"
          className="block h-1.5 w-full max-w-md overflow-hidden rounded"
          data-testid="sync-health-bar"
        >
          <rect width="100" height="1" className="fill-emerald-500" />
          {failedShare > 0 && (
            <rect x={100 - failedWidth} width={failedWidth} height="1" className="fill-red-600" data-testid="sync-health-failed" />
          )}
        </svg>
      )}
    </div>
  );
}
