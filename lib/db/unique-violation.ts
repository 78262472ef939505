// Prisma's error for a write that broke a unique constraint (P2002): the row someone else just
// created. Callers that race other writers on purpose catch exactly this.
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
