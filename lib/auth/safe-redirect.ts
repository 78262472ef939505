// Where to go after signing in. Only same-site paths are accepted, so a crafted link cannot turn
// the login page into an open redirect (`//evil.example`, `/\evil.example`, `https://…`).
export function safeRedirectPath(candidate: unknown, fallback = "/"): string {
  if (typeof candidate !== "string") return fallback;
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.includes("\\")) return fallback;
  if (/[\u0000-\u001f]/.test(candidate)) return fallback;
  return candidate;
}
