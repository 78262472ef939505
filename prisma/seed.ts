// Demo data for `prisma db seed` / `npm run db:seed`: two tenants and three users. Idempotent —
// re-running updates in place and never duplicates. The password is for demos only.
import { pathToFileURL } from "node:url";
import { createDbClient, type Db } from "../lib/db/create-client";
import { resolveDatabaseUrl } from "../lib/db/database-url";
import { loadEnvFiles } from "../lib/env/load-env-files";
import { hashPassword, normalizeEmail, verifyPassword } from "../lib/auth/password";

type Role = "OWNER" | "ADMIN" | "MEMBER";

const tenants = [
  { slug: "contoso", name: "Contoso" },
  { slug: "fabrikam", name: "Fabrikam" },
] as const;

const users: { email: string; name: string; memberships: { tenant: string; role: Role }[] }[] = [
  { email: "admin@contoso.test", name: "Contoso Admin", memberships: [{ tenant: "contoso", role: "OWNER" }] },
  { email: "member@contoso.test", name: "Contoso Member", memberships: [{ tenant: "contoso", role: "MEMBER" }] },
  { email: "admin@fabrikam.test", name: "Fabrikam Admin", memberships: [{ tenant: "fabrikam", role: "OWNER" }] },
];

export const DEFAULT_SEED_PASSWORD = "switchboard-demo";

export async function seedDemoData(db: Db, password: string = DEFAULT_SEED_PASSWORD): Promise<void> {
  const tenantIds = new Map<string, string>();
  for (const tenant of tenants) {
    const row = await db.tenant.upsert({ where: { slug: tenant.slug }, create: tenant, update: { name: tenant.name } });
    tenantIds.set(tenant.slug, row.id);
  }

  for (const user of users) {
    const email = normalizeEmail(user.email);
    const existing = await db.user.findUnique({ where: { email } });
    // Re-hash only when SEED_PASSWORD changed: bcrypt is deliberately slow.
    const passwordHash =
      existing && (await verifyPassword(password, existing.passwordHash)) ? existing.passwordHash : await hashPassword(password);
    const row = await db.user.upsert({
      where: { email },
      create: { email, name: user.name, passwordHash },
      update: { name: user.name, passwordHash },
    });
    for (const membership of user.memberships) {
      const tenantId = tenantIds.get(membership.tenant);
      if (!tenantId) throw new Error(`seed: unknown tenant ${membership.tenant}`);
      await db.membership.upsert({
        where: { userId_tenantId: { userId: row.id, tenantId } },
        create: { userId: row.id, tenantId, role: membership.role },
        update: { role: membership.role },
      });
    }
  }
}

async function main(): Promise<void> {
  loadEnvFiles();
  const url = resolveDatabaseUrl(process.env.DATABASE_URL);
  const password = process.env.SEED_PASSWORD?.trim() || DEFAULT_SEED_PASSWORD;
  const db = createDbClient(url);
  try {
    await seedDemoData(db, password);
    console.log(`Seeded ${tenants.length} tenants and ${users.length} users (${users.map((u) => u.email).join(", ")}).`);
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`seed failed: ${(error as Error).message}`);
    process.exit(1);
  });
}
