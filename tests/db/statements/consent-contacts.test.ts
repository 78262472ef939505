// Contract: the marketing-status read's queue on SQLite and PostgreSQL — one connection's synced
// (or unsubscribed) contacts with a contact id, not erased, status not read yet, oldest sync first.
import { describe, expect, it } from "vitest";
import { consentStatusOfLatest, selectContactsWithoutMarketingStatus } from "@switchboard/lib/db/statements/consent-contacts";
import { consentSummaries, marketingSentence, marketingSummary } from "@switchboard/lib/signups/consent/consent-summary";
import { testProviders } from "@/tests/helpers/databases";
import { useStatementWorld, type StatementWorld } from "./support/statement-world";

let sequence = 0;

async function addContact(
  w: StatementWorld,
  data: {
    status?: "SYNCED" | "UNSUBSCRIBED" | "PENDING";
    hubspotContactId?: string | null;
    marketingContact?: boolean;
    erasedAt?: Date;
    connectionId?: string;
    syncedAt: Date;
    createdAt?: Date;
    subscriptionState?: "SUBSCRIBED" | "OPTED_OUT" | "FAILED";
  },
) {
  const email = `contact${++sequence}@example.com`;
  return w.database.db.signup.create({
    data: {
      tenantId: w.tenantId,
      email,
      emailNormalized: email,
      consentGiven: true,
      status: "SYNCED",
      connectionId: w.connectionId,
      hubspotContactId: `c${sequence}`,
      ...data,
    },
  });
}

describe.each(testProviders)("consent contact statements on %s", (provider) => {
  const world = useStatementWorld(provider);

  it("reads one connection's unread contacts, oldest sync first, and no others", async () => {
    const w = world();
    const at = (minutes: number) => new Date(Date.UTC(2026, 11, 7, 9, minutes));
    const other = await w.database.db.connection.create({ data: { tenantId: w.tenantId, provider: "hubspot", portalId: "62516" } });
    const second = await addContact(w, { syncedAt: at(2) });
    const first = await addContact(w, { syncedAt: at(1) });
    const unsubscribed = await addContact(w, { status: "UNSUBSCRIBED", syncedAt: at(3) });
    await addContact(w, { marketingContact: false, syncedAt: at(0) });
    await addContact(w, { hubspotContactId: null, status: "UNSUBSCRIBED", syncedAt: at(0) });
    await addContact(w, { erasedAt: at(5), syncedAt: at(0) });
    await addContact(w, { status: "PENDING", syncedAt: at(0) });
    await addContact(w, { connectionId: other.id, syncedAt: at(0) });

    const read = await selectContactsWithoutMarketingStatus(w.database.db, { tenantId: w.tenantId, connectionId: w.connectionId }, 10);
    expect(read).toEqual([
      { id: first.id, hubspotContactId: first.hubspotContactId },
      { id: second.id, hubspotContactId: second.hubspotContactId },
      { id: unsubscribed.id, hubspotContactId: unsubscribed.hubspotContactId },
    ]);
    expect(
      (await selectContactsWithoutMarketingStatus(w.database.db, { tenantId: w.tenantId, connectionId: w.connectionId }, 2)).map(
        (row) => row.id,
      ),
    ).toEqual([first.id, second.id]);
  });

  it("summarises the consent state of the latest synced contacts only, per tenant or connection", async () => {
    const w = world();
    const at = (minutes: number) => new Date(Date.UTC(2026, 11, 7, 9, minutes));
    const other = await w.database.db.connection.create({ data: { tenantId: w.tenantId, provider: "hubspot", portalId: "62516" } });
    // Oldest first; the last three never count (erased, pending) or count for the tenant only (another connection).
    const contact = (minutes: number, data: Partial<Parameters<typeof addContact>[1]>) =>
      addContact(w, { syncedAt: at(minutes), createdAt: at(minutes), ...data });
    await contact(0, { marketingContact: true, subscriptionState: "SUBSCRIBED" });
    await contact(1, { marketingContact: false, subscriptionState: "SUBSCRIBED" });
    await contact(2, { marketingContact: false, status: "UNSUBSCRIBED", subscriptionState: "OPTED_OUT" });
    await contact(3, { marketingContact: false, subscriptionState: "FAILED" });
    await contact(4, {});
    await contact(5, { marketingContact: false, erasedAt: at(9), subscriptionState: "SUBSCRIBED" });
    await contact(6, { marketingContact: false, status: "PENDING" });
    await contact(7, { marketingContact: true, connectionId: other.id, subscriptionState: "SUBSCRIBED" });

    const tenant = { tenantId: w.tenantId };
    const ofConnection = { ...tenant, connectionId: w.connectionId };
    expect(await consentStatusOfLatest(w.database.db, tenant, 100)).toEqual({
      considered: 6,
      known: 5,
      notMarketing: 3,
      subscribed: 3,
      optedOut: 1,
      subscriptionFailed: 1,
    });
    // The newest three: another connection's marketing contact, the unread one, the failed subscription.
    expect(await consentStatusOfLatest(w.database.db, tenant, 3)).toEqual({
      considered: 3,
      known: 2,
      notMarketing: 1,
      subscribed: 1,
      optedOut: 0,
      subscriptionFailed: 1,
    });
    expect(await consentStatusOfLatest(w.database.db, ofConnection, 3)).toEqual({
      considered: 3,
      known: 2,
      notMarketing: 2,
      subscribed: 0,
      optedOut: 1,
      subscriptionFailed: 1,
    });
    expect(marketingSentence(await marketingSummary(w.database.db, tenant, 100))).toBe("3 of 5 synced contacts are not marketing contacts");
    expect(marketingSentence(await marketingSummary(w.database.db, tenant, 3))).toBe(
      "1 of 2 synced contacts (of the latest 3) are not marketing contacts",
    );
    expect((await consentSummaries(w.database.db, ofConnection, 100)).subscriptions).toEqual({ subscribed: 2, optedOut: 1, failed: 1 });
    expect((await consentSummaries(w.database.db, ofConnection, 3)).subscriptions).toEqual({
      subscribed: 0,
      optedOut: 1,
      failed: 1,
      latest: 3,
    });
  });
});
