// Signs in each seeded user once through the real form and saves the session for the fixtures.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { test as setup, expect } from "@playwright/test";
import { signInThroughForm } from "./fixtures/sign-in";
import { seededUsers, storageStatePath, type SeededUserKey } from "./fixtures/users";

for (const key of Object.keys(seededUsers) as SeededUserKey[]) {
  const user = seededUsers[key];
  setup(`sign in as ${user.email}`, async ({ page }) => {
    await signInThroughForm(page, user.email);
    await expect(page).toHaveURL(new RegExp(`/t/${user.tenant}/integrations$`));
    const path = storageStatePath(key);
    mkdirSync(dirname(path), { recursive: true });
    await page.context().storageState({ path });
  });
}
