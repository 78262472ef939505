// The client address behind N trusted reverse proxies, from X-Forwarded-For and the socket peer.
import { describe, expect, it } from "vitest";
import { clientAddressOf } from "@/server/client-address";

describe("clientAddressOf", () => {
  it.each([
    // [X-Forwarded-For, socket peer, trusted hops, client]
    [undefined, "203.0.113.5", 0, "203.0.113.5"],
    ["6.6.6.6", "203.0.113.5", 0, "203.0.113.5"], // no proxy: the header is forged
    [undefined, "10.0.0.2", 1, "10.0.0.2"], // a proxy that set nothing: best guess is the peer
    ["203.0.113.5", "10.0.0.2", 1, "203.0.113.5"],
    ["6.6.6.6, 203.0.113.5", "10.0.0.2", 1, "203.0.113.5"], // the client's own claim sits left of it
    ["6.6.6.6, 203.0.113.5, 10.0.0.1", "10.0.0.2", 2, "203.0.113.5"],
    [["6.6.6.6", "203.0.113.5"], "10.0.0.2", 1, "203.0.113.5"], // repeated headers are one list
    ["203.0.113.5", "10.0.0.2", 5, "203.0.113.5"], // fewer hops than promised: leftmost
    [" , ", undefined, 1, null],
  ] as const)("X-Forwarded-For %j from %s with %i trusted → %s", (forwardedFor, socket, hops, client) => {
    expect(clientAddressOf(forwardedFor as string | string[] | undefined, socket, hops)).toBe(client);
  });
});
