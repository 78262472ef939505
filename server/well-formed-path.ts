// Whether a request target's path decodes: every % starts a valid escape and the escapes form
// UTF-8. The query string is left to whoever reads it (URLSearchParams is lenient by design).
export function hasWellFormedPath(target: string | undefined): boolean {
  const path = (target ?? "/").split(/[?#]/, 1)[0] ?? "";
  if (!path.includes("%")) return true;
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
