// Which receiver URLs are allowed: https in production, and only addresses on the public internet
// (global unicast, not this machine's own), on the literal host or every address a name resolves
// to, unless the operator allows private ones. Names are resolved by an injected resolver here.
import { describe, expect, it } from "vitest";
import { addressRange, isPublicAddress, ownInterfaceAddresses } from "@switchboard/lib/webhooks/public-address";
import { checkEndpointUrl, normaliseEndpointUrl, refuseEndpointUrl, type ResolveHost } from "@switchboard/lib/webhooks/endpoint-url";

const strict = { production: true, allowPrivate: false };
const noOwnAddresses = new Set<string>();
const answers =
  (table: Record<string, string[]>): ResolveHost =>
  async (hostname) => {
    const found = table[hostname];
    if (!found) throw Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return found;
  };

describe("public address classifier", () => {
  it.each([
    // IPv4 special-purpose ranges
    ["0.0.0.0"],
    ["0.1.2.3"],
    ["10.1.2.3"],
    ["100.64.0.1"],
    ["100.127.255.254"],
    ["127.0.0.1"],
    ["127.255.0.9"],
    ["169.254.169.254"],
    ["172.16.0.1"],
    ["172.31.255.255"],
    ["192.0.0.8"],
    ["192.0.2.2"],
    ["192.88.99.1"],
    ["192.168.1.1"],
    ["198.18.0.1"],
    ["198.19.255.255"],
    ["198.51.100.7"],
    ["203.0.113.9"],
    ["224.0.0.251"],
    ["239.255.255.250"],
    ["240.0.0.1"],
    ["255.255.255.255"],
    // IPv6 special-purpose ranges, and IPv4 wrapped in IPv6
    ["::"],
    ["::1"],
    ["::a00:1"],
    ["::10.0.0.1"],
    ["::8.8.8.8"],
    ["::ffff:127.0.0.1"],
    ["::ffff:8.8.8.8"],
    ["::ffff:0:8.8.8.8"],
    ["64:ff9b::a00:1"],
    ["64:ff9b::808:808"],
    ["64:ff9b:1::1"],
    ["100::1"],
    ["2001::1"],
    ["2001:2::1"],
    ["2001:db8::1"],
    ["2001:10::1"],
    ["2002:a00:1::1"],
    ["2002:808:808::1"],
    ["3fff::1"],
    ["5f00::1"],
    ["fc00::1"],
    ["fd12:3456::1"],
    ["fe80::1"],
    ["fe80::1%eth0"],
    ["fec0::1"],
    ["ff02::1"],
    // not addresses at all, or forms only a URL parser should canonicalise
    ["not-an-ip"],
    ["127.1"],
    ["0x7f.0.0.1"],
    [""],
  ])("refuses %s", (address) => {
    expect(isPublicAddress(address, noOwnAddresses), addressRange(address)).toBe(false);
  });

  it.each([
    ["8.8.8.8"],
    ["93.184.216.34"],
    ["1.1.1.1"],
    ["100.128.0.1"],
    ["198.20.0.1"],
    ["2606:4700:4700::1111"],
    ["2a00:1450:4001:80b::200e"],
    ["2001:4860:4860::8888"],
  ])("allows the global unicast address %s", (address) => {
    expect(addressRange(address)).toBe("unicast");
    expect(isPublicAddress(address, noOwnAddresses)).toBe(true);
  });

  it("refuses this machine's own interface addresses, public or not, in any spelling", () => {
    expect(isPublicAddress("93.184.216.34", new Set(["93.184.216.34"]))).toBe(false);
    expect(isPublicAddress("2606:4700:0:0:0:0:0:1111", new Set(["2606:4700::1111"]))).toBe(false);
    for (const own of ownInterfaceAddresses()) expect(isPublicAddress(own), own).toBe(false);
  });
});

describe("webhook endpoint URLs", () => {
  it.each([
    ["http://93.184.216.34/hook", /https/],
    ["https://127.0.0.1/hook", /not on the public internet/],
    ["https://10.1.2.3/hook", /not on the public internet/],
    ["https://169.254.169.254/latest", /not on the public internet/],
    ["https://192.0.2.2/", /not on the public internet/],
    ["https://0x7f.1/hook", /not on the public internet/],
    ["https://[::1]/hook", /not on the public internet/],
    ["https://[::ffff:127.0.0.1]/hook", /not on the public internet/],
    ["https://[64:ff9b::a00:1]/", /not on the public internet/],
    ["https://[::a00:1]/", /not on the public internet/],
    ["https://[2002:a00:1::]/", /not on the public internet/],
    ["https://localhost/hook", /Loopback/],
    ["https://user:pw@93.184.216.34/hook", /credentials/],
    ["ftp://example.com/x", /https/],
    ["not a url", /full URL/],
  ])("refuses %s", async (url, reason) => {
    expect(await refuseEndpointUrl(url, strict, { ownAddresses: noOwnAddresses })).toMatch(reason);
  });

  it("refuses a name when any of its answers is not public, or when it does not resolve", async () => {
    const resolveHost = answers({
      "mixed.example": ["93.184.216.34", "10.0.0.7"],
      "nat64.example": ["64:ff9b::a00:1"],
      "fine.example": ["93.184.216.34", "2606:4700::1111"],
    });
    const deps = { resolveHost, ownAddresses: noOwnAddresses };
    expect(await refuseEndpointUrl("https://mixed.example/hook", strict, deps)).toMatch(/not on the public internet/);
    expect(await refuseEndpointUrl("https://nat64.example/hook", strict, deps)).toMatch(/not on the public internet/);
    expect(await refuseEndpointUrl("https://nowhere.example/hook", strict, deps)).toMatch(/does not resolve/);
    expect(await refuseEndpointUrl("https://fine.example/hook", strict, deps)).toBeNull();
    expect(
      await refuseEndpointUrl("https://fine.example/hook", strict, { resolveHost, ownAddresses: new Set(["2606:4700::1111"]) }),
    ).toMatch(/this server's own/);
  });

  it("resolves a name once and hands back the address it approved", async () => {
    let calls = 0;
    const resolveHost: ResolveHost = async () => (++calls === 1 ? ["93.184.216.34"] : ["127.0.0.1"]);
    const checked = await checkEndpointUrl("https://rebind.example/hook", strict, { resolveHost, ownAddresses: noOwnAddresses });
    expect(checked).toMatchObject({ ok: true, address: "93.184.216.34" });
    expect(calls).toBe(1);
  });

  it("accepts a public https address, and private ones (plain http too) when the operator allows them", async () => {
    expect(await refuseEndpointUrl("https://93.184.216.34/hook", strict, { ownAddresses: noOwnAddresses })).toBeNull();
    expect(await refuseEndpointUrl("http://127.0.0.1:4000/hook", { production: true, allowPrivate: true })).toBeNull();
    expect(
      await refuseEndpointUrl(
        "http://localhost:4000/hook",
        { production: true, allowPrivate: true },
        { resolveHost: answers({ localhost: ["127.0.0.1"] }) },
      ),
    ).toBeNull();
  });

  it("normalises a URL the way it is stored: lower-case host, default port dropped", () => {
    expect(normaliseEndpointUrl("HTTPS://Hooks.Example.COM:443/In?x=1")).toBe("https://hooks.example.com/In?x=1");
    expect(normaliseEndpointUrl("https://hooks.example.com")).toBe("https://hooks.example.com/");
    expect(normaliseEndpointUrl("http://[2606:4700:0:0:0:0:0:1111]:80/h")).toBe("http://[2606:4700::1111]/h");
  });
});
