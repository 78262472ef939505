import { describe, expect, it } from "vitest";
import { parseEngineArgs } from "../src/args";

describe("parseEngineArgs", () => {
  it("reads the datamodels, the datasource and the preview features of an RPC session", () => {
    const args = parseEngineArgs([
      "--datamodels",
      "/p/a.prisma",
      "--datamodels",
      "/p/b.prisma",
      "--datasource",
      JSON.stringify({ url: "file:./x.db", shadowDatabaseUrl: "file:./s.db" }),
      "--enabled-preview-features",
      "views,relationJoins",
      "--extension-types",
      '{"types":[]}',
    ]);
    expect(args).toEqual({
      datamodelPaths: ["/p/a.prisma", "/p/b.prisma"],
      datasource: { url: "file:./x.db", shadowDatabaseUrl: "file:./s.db" },
      previewFeatures: ["views", "relationJoins"],
      command: { kind: "rpc" },
    });
  });

  it("recognises --version and the cli subcommands", () => {
    expect(parseEngineArgs(["--version"]).command).toEqual({ kind: "version" });
    const cli = parseEngineArgs(["--datasource", '{"url":"file:a.db"}', "cli", "create-database"]);
    expect(cli.command).toEqual({ kind: "cli", name: "create-database" });
    expect(cli.datasource.url).toBe("file:a.db");
  });

  it("ignores unknown flags but rejects malformed values", () => {
    expect(parseEngineArgs(["--some-future-flag"]).command).toEqual({ kind: "rpc" });
    expect(() => parseEngineArgs(["--datasource", "not json"])).toThrow(/JSON object/);
    expect(() => parseEngineArgs(["--datamodels"])).toThrow(/needs a value/);
    expect(() => parseEngineArgs(["cli"])).toThrow(/subcommand/);
  });
});
