// Every /api/v1 suite on PostgreSQL (one database per file: the app's configuration is read once per process).
import { afterAll, beforeAll, describe } from "vitest";
import { startApiWorld, type ApiWorld } from "./support/api-world";
import { connectionsSuite } from "./suites/connections-suite";

describe("/api/v1 on postgresql", () => {
  let world: ApiWorld;
  beforeAll(async () => {
    world = await startApiWorld("postgresql");
  });
  afterAll(async () => world?.close());
  connectionsSuite(() => world);
});
