// Contract: the marketing-status read's queue on SQLite and PostgreSQL — one connection's synced
// (or unsubscribed) contacts with a contact id, not erased, status not read yet, oldest sync first.
import { describe, expect, it } from "vitest";
import { marketingStatusOfLatest, selectContactsWithoutMarketingStatus } from "@switchboard/lib/db/statements/consent-contacts";
import { marketingSentence, marketingSummary } from "@switchboard/lib/signups/consent/consent-summary";
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

  it("summarises the marketing status of the latest synced contacts only, per tenant or connection", async () => {
    const w = world();
    const at = (minutes: number) => new Date(Date.UTC(2026, 11, 7, 9, minutes));
    const other = await w.database.db.connection.create({ data: { tenantId: w.tenantId, provider: "hubspot", portalId: "62516" } });
    // Oldest first: a marketing contact, then three that are not (one unsubscribed), one unread, and
    // rows the summary never counts (erased, pending, another connection's).
    await addContact(w, { marketingContact: true, syncedAt: at(0), createdAt: at(0) });
    await addContact(w, { marketingContact: false, syncedAt: at(1), createdAt: at(1) });
    await addContact(w, { marketingContact: false, status: "UNSUBSCRIBED", syncedAt: at(2), createdAt: at(2) });
    await addContact(w, { marketingContact: false, syncedAt: at(3), createdAt: at(3) });
    await addContact(w, { syncedAt: at(4), createdAt: at(4) });
    await addContact(w, { marketingContact: false, erasedAt: at(9), syncedAt: at(5), createdAt: at(5) });
    await addContact(w, { marketingContact: false, status: "PENDING", syncedAt: at(6), createdAt: at(6) });
    await addContact(w, { marketingContact: true, connectionId: other.id, syncedAt: at(7), createdAt: at(7) });

    const tenant = { tenantId: w.tenantId };
    expect(await marketingStatusOfLatest(w.database.db, tenant, 100)).toEqual({ considered: 6, known: 5, notMarketing: 3 });
    // The newest three: another connection's marketing contact, the unread one, one that is not.
    expect(await marketingStatusOfLatest(w.database.db, tenant, 3)).toEqual({ considered: 3, known: 2, notMarketing: 1 });
    expect(await marketingStatusOfLatest(w.database.db, { ...tenant, connectionId: w.connectionId }, 3)).toEqual({
      considered: 3,
      known: 2,
      notMarketing: 2,
    });
    expect(marketingSentence(await marketingSummary(w.database.db, tenant, 100))).toBe("3 of 5 synced contacts are not marketing contacts");
    expect(marketingSentence(await marketingSummary(w.database.db, tenant, 3))).toBe(
      "1 of 2 synced contacts (of the latest 3) are not marketing contacts",
    );
  });
});
