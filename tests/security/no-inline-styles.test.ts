// The page CSP's style-src refuses inline style attributes, so markup must not depend on them: the
// signups chart legend and the sync-health bar draw with SVG attributes instead, and no component
// in the app writes a style attribute at all (the browser would drop it: swatches turn transparent).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SyncHealthLine } from "@/app/(dashboard)/t/[tenantSlug]/integrations/sync-health-line";
import { SignupsChart } from "@/app/(dashboard)/t/[tenantSlug]/signups/signups-chart";

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".tsx") ? [path] : [];
  });
}

describe("markup under the page CSP", () => {
  it("draws the legend swatches with their colours as SVG fills, with no style attribute", () => {
    const html = renderToStaticMarkup(
      SignupsChart({ days: [{ day: "2026-12-01", SYNCED: 3, PENDING: 2, FAILED: 1, UNCONFIRMED: 1, UNSUBSCRIBED: 1 }] }),
    );
    expect(html).not.toContain("style=");
    const swatches = html.match(/<svg[^>]*data-testid="legend-swatch"[^>]*>.*?<\/svg>/g) ?? [];
    expect(swatches.map((swatch) => /fill="([^"]+)"/.exec(swatch)?.[1])).toEqual(["#059669", "#d97706", "#dc2626", "#6366f1", "#64748b"]);
  });

  it("draws the sync-health bar's failed share as an SVG width, at least 1%, with no style attribute", () => {
    const quarter = renderToStaticMarkup(SyncHealthLine({ health: { synced: 75, failed: 25, rateLimited: 0 } }));
    expect(quarter).not.toContain("style=");
    expect(quarter).toMatch(/data-testid="sync-health-failed"/);
    expect(/<rect[^>]*x="75"[^>]*width="25"/.test(quarter) || /<rect[^>]*width="25"[^>]*x="75"/.test(quarter)).toBe(true);
    const rare = renderToStaticMarkup(SyncHealthLine({ health: { synced: 100_000, failed: 1, rateLimited: 0 } }));
    expect(rare).toMatch(/width="1"/);
    expect(renderToStaticMarkup(SyncHealthLine({ health: { synced: 10, failed: 0, rateLimited: 0 } }))).not.toContain("sync-health-failed");
  });

  it("has no style attribute in any page or component", () => {
    const offenders = ["app", "components"].flatMap(sourceFiles).filter((file) => /\bstyle=\{/.test(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });
});
