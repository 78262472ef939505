// Option rules shared by the command groups, worded for a command line ("--owner must be …").
import { z } from "zod";
import { roles } from "@switchboard/lib/tenancy/roles";

export const cliEmail = z
  .string()
  .trim()
  .max(320, "is too long")
  .pipe(z.email("must be an email address"))
  .transform((value) => value.toLowerCase());

export const cliRole = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.enum(roles, { message: `must be one of ${roles.join(", ")}` }));

/** Fixed-width columns for list output. */
export function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd(),
  );
}
