// Fix E. The wasm engine's reset on SQLite only deletes rows, so `migrate reset` then fails with
// "table already exists" when it re-applies the migrations. Native drops everything; so do we:
// every table and view, with foreign keys off meanwhile.
import Database from "better-sqlite3";

export async function resetSqliteDatabase(path: string): Promise<void> {
  const db = new Database(path);
  try {
    db.pragma("foreign_keys = OFF");
    const objects = db
      .prepare("SELECT type, name FROM sqlite_master WHERE type IN ('view', 'table') AND name NOT LIKE 'sqlite_%' ORDER BY type = 'table'")
      .all() as Array<{ type: "view" | "table"; name: string }>;
    db.transaction(() => {
      for (const { type, name } of objects) {
        db.exec(`DROP ${type === "view" ? "VIEW" : "TABLE"} IF EXISTS "${name.replace(/"/g, '""')}"`);
      }
    })();
    db.pragma("foreign_keys = ON");
  } finally {
    db.close();
  }
}
