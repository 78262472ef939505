import { describe, expect, it } from "vitest";
import { EngineUserError, databaseName, parseDatabaseTarget, withDatabase } from "../src/database-target";
import { explainExternalErrors, toRpcError } from "../src/engine-errors";

describe("parseDatabaseTarget", () => {
  it("resolves relative SQLite paths against the working directory", () => {
    expect(parseDatabaseTarget("file:./.data/app.db", "/srv/app")).toEqual({
      provider: "sqlite",
      url: "file:./.data/app.db",
      path: "/srv/app/.data/app.db",
    });
    expect(parseDatabaseTarget("file:/abs/x.db?connection_limit=1", "/srv").provider === "sqlite").toBe(true);
  });

  it("moves ?schema= out of the Postgres connection string", () => {
    const target = parseDatabaseTarget("postgresql://u:p@db:5432/app?schema=tenant_a&sslmode=disable");
    expect(target).toMatchObject({ provider: "postgres", schema: "tenant_a" });
    if (target.provider !== "postgres") throw new Error("expected postgres");
    expect(target.connectionString).toBe("postgresql://u:p@db:5432/app?sslmode=disable");
  });

  it("rejects other URLs with P1013", () => {
    expect(() => parseDatabaseTarget("mysql://x")).toThrow(EngineUserError);
  });

  it("swaps and reads database names", () => {
    expect(withDatabase("postgresql://u@h:5432/app?x=1", "other")).toBe("postgresql://u@h:5432/other?x=1");
    expect(databaseName("postgresql://u@h:5432/app")).toBe("app");
  });
});

describe("JSON-RPC error bodies", () => {
  it("carries the Prisma error code of user errors", () => {
    const body = toRpcError(new EngineUserError("P1003", "Database x does not exist"));
    expect(body).toMatchObject({ code: 4466, data: { is_panic: false, error_code: "P1003", message: "Database x does not exist" } });
  });

  it("explains the engine's opaque external error ids with the driver's message", () => {
    const explained = explainExternalErrors("External error id#0", (id) => (id === 0 ? new Error("disk full") : undefined));
    expect(explained).toBe("External error id#0: disk full");
    expect(toRpcError(new Error("External error id#1"), () => undefined).data.message).toBe("External error id#1");
  });
});
