// Contract: the marketing-status read's queue on SQLite and PostgreSQL — one connection's synced
// (or unsubscribed) contacts with a contact id, not erased, status not read yet, oldest sync first.
import { describe, expect, it } from "vitest";
import { selectContactsWithoutMarketingStatus } from "@switchboard/lib/db/statements/consent-contacts";
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
});
