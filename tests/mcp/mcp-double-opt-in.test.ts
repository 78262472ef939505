// add_subscriber under a tenant's double opt-in, with mail over real SMTP, on both databases: the
// agent's subscriber gets the confirmation mail and stays unconfirmed — nobody is synced, subscribed
// or marked in HubSpot — until the person confirms from that mail.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { loadServerEnv } from "@switchboard/lib/env/load-server-env";
import { createMailer } from "@switchboard/lib/mail/mailer";
import { createRuntime, type Runtime } from "@switchboard/lib/runtime/runtime";
import { confirmSignup } from "@switchboard/lib/signups/consent/confirm-signup";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiWorld, type ApiWorld } from "@/tests/api/support/api-world";
import { testProviders } from "@/tests/helpers/databases";
import { linkIn, startSmtpCatcher, type SmtpCatcher } from "@/scripts/lib/smtp-catcher";
import { callTool, connectAgent, serveMcp, type McpEndpoint } from "./support/mcp-agent";

describe.each(testProviders)("add_subscriber with double opt-in on %s", (provider) => {
  let world: ApiWorld;
  let catcher: SmtpCatcher;
  let runtime: Runtime;
  let endpoint: McpEndpoint;
  let agent: Client;

  beforeAll(async () => {
    [world, catcher] = await Promise.all([startApiWorld(provider), startSmtpCatcher()]);
    // The app's runtime for this database, with mail going to the catcher.
    runtime = createRuntime(loadServerEnv(process.env), {
      store: world.database.store,
      mailer: createMailer({ from: "news@switchboard.test", smtpUrl: catcher.url }),
    });
    endpoint = await serveMcp(runtime);
    await world.database.db.tenant.update({ where: { id: world.tenant.id }, data: { doubleOptIn: true } });
    agent = await connectAgent(endpoint, await world.tenantKey(["signups:read", "signups:write"]));
  });
  afterAll(async () => {
    await agent?.close();
    await endpoint?.close();
    await runtime?.close();
    await catcher?.close();
    await world?.close();
  });

  it("mails the confirmation and keeps the subscriber unconfirmed, unsynced and unsubscribed until confirmed", async () => {
    const added = await callTool(agent, "add_subscriber", { email: "agent-doi@example.com", firstName: "Dee", consent: true });
    expect(added).toMatchObject({ ok: true, data: { email: "agent-doi@example.com", status: "unconfirmed" } });
    const signupId = added.ok ? String(added.data.id) : "";
    const mail = await catcher.waitForMail("agent-doi@example.com");
    const link = linkIn(mail, `${runtime.env.APP_URL}/confirm/`);
    const row = await world.database.db.signup.findUniqueOrThrow({ where: { id: signupId } });
    expect(row).toMatchObject({ status: "UNCONFIRMED", hubspotContactId: null, syncedAt: null, confirmedAt: null });
    expect(await callTool(agent, "get_signup", { signupId })).toMatchObject({ ok: true, data: { status: "unconfirmed" } });

    const outcome = await confirmSignup(world.database.db, link.slice(`${runtime.env.APP_URL}/confirm/`.length), "203.0.113.7");
    expect(outcome).toMatchObject({ state: "confirmed" });
    expect(await world.database.db.signup.findUniqueOrThrow({ where: { id: signupId } })).toMatchObject({ status: "PENDING" });
  });
});
