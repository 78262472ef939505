// CSV rows of the signups export (RFC 4180 quoting). Cells that a spreadsheet would run as a
// formula (=, +, -, @, tab, CR at the start) get a leading apostrophe: the values come from the
// public form, so anyone could otherwise plant a formula in an admin's spreadsheet.
import type { SignupListItem } from "./list-signups";

export const SIGNUP_CSV_HEADER = [
  "email",
  "first_name",
  "status",
  "signed_up_at",
  "synced_at",
  "attempts",
  "hubspot_contact_id",
  "portal_id",
  "last_error",
  // The optional form fields, last so that columns consumers already read keep their place.
  "last_name",
  "company",
  "free_text",
];

export function signupCsvRow(signup: SignupListItem): string {
  return csvLine([
    signup.email,
    signup.firstName ?? "",
    signup.status.toLowerCase(),
    signup.createdAt.toISOString(),
    signup.syncedAt?.toISOString() ?? "",
    String(signup.attempts),
    signup.hubspotContactId ?? "",
    signup.portalId ?? "",
    signup.lastError ?? "",
    signup.lastName ?? "",
    signup.company ?? "",
    signup.freeText ?? "",
  ]);
}

export function csvLine(cells: string[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
