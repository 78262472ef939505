// `npm run demo` prints seeded passwords and runs on generated secrets: it must not be reachable
// from the network unless someone asks for that, and `npm test` in the same checkout must not
// rebuild the folder the running demo serves its chunks from.
import { describe, expect, it } from "vitest";
import { demoDistDir, e2eDistDir } from "@/scripts/lib/build-dirs";
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

describe("build folders", () => {
  it("keeps the test build out of the demo's folder by default", () => {
    expect(demoDistDir({})).toBe(".next");
    expect(e2eDistDir({})).not.toBe(demoDistDir({}));
  });

  it("honours NEXT_DIST_DIR for either", () => {
    expect(e2eDistDir({ NEXT_DIST_DIR: ".next-wt" })).toBe(".next-wt");
    expect(demoDistDir({ NEXT_DIST_DIR: ".next-demo" })).toBe(".next-demo");
  });
});
