// Dates are rendered on the server in UTC, so the same page reads the same for every admin.
const formatter = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

export function formatDate(date: Date): string {
  return `${formatter.format(date)} UTC`;
}

export function formatScopes(scopes: readonly string[]): string {
  return scopes.length > 0 ? scopes.join(", ") : "none";
}
