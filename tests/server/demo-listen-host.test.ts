// `npm run demo` prints seeded passwords and runs on generated secrets: it must not be reachable
// from the network unless someone asks for that.
import { describe, expect, it } from "vitest";
import { demoListenHost } from "@/scripts/lib/demo-listen-host";

describe("demoListenHost", () => {
  it("listens on loopback when HOST is unset or blank", () => {
    expect(demoListenHost({})).toBe("127.0.0.1");
    expect(demoListenHost({ HOST: "  " })).toBe("127.0.0.1");
  });

  it("listens where HOST says when it is set", () => {
    expect(demoListenHost({ HOST: "0.0.0.0" })).toBe("0.0.0.0");
  });
});
