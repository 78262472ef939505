// The development/demo mailbox: every message is one .eml file in a folder (MAILBOX_DIR), newest
// last by name, read back for the /dev/mailbox page and by tests. Never used once SMTP_URL is set.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { readMimeMessage, type ReceivedMail } from "./read-mime";

export async function writeToMailbox(dir: string, raw: Buffer | string): Promise<string> {
  const folder = resolve(/*turbopackIgnore: true*/ dir);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const name = `${Date.now().toString().padStart(15, "0")}-${randomBytes(4).toString("hex")}.eml`;
  // 0600: messages carry single-use links to accounts.
  await writeFile(join(folder, name), raw, { mode: 0o600 });
  return name;
}

export type MailboxEntry = ReceivedMail & { id: string };

/** Newest first, at most `limit`. An absent folder is an empty mailbox. */
export async function listMailbox(dir: string, limit = 50): Promise<MailboxEntry[]> {
  const folder = resolve(/*turbopackIgnore: true*/ dir);
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith(".eml"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const newest = names.sort().reverse().slice(0, limit);
  return Promise.all(
    newest.map(async (name) => ({ id: name.replace(/\.eml$/, ""), ...readMimeMessage(await readFile(join(folder, name), "utf8")) })),
  );
}
