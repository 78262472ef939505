// Shared arrangements for the people tests: the tenants they seed, and the links config.
export const links = { appUrl: "http://localhost:3000", productName: "Switchboard" };

/** Acme and Globex as the people tests know them, each with its owner, owner@<slug>.test. */
export const acme = { slug: "acme", people: [{ role: "OWNER", email: "owner@acme.test" }] } as const;
export const globex = { slug: "globex", people: [{ role: "OWNER", email: "owner@globex.test" }] } as const;
