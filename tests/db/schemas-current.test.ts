// prisma/{sqlite,postgresql}/schema.prisma must be regenerated whenever prisma/models.prisma changes.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../prisma-offline/prisma-cli";

describe("generated Prisma schemas", () => {
  it("are current (npm run db:schemas -- --check)", () => {
    const result = spawnSync("npm", ["run", "db:schemas", "--", "--check"], { cwd: projectRoot, encoding: "utf8" });
    expect(result.stderr).not.toMatch(/is stale/);
    expect(result.status).toBe(0);
  });
});
