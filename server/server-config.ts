// The production server's own settings (the app's live in lib/env). Validated like the rest:
// a bad value stops the server with one line naming the variable.
import { z } from "zod";

const serverConfigSchema = z.object({
  PORT: z.coerce.number({ message: "must be a port number" }).int().min(1).max(65_535).default(3000),
  // Unset: every interface, like `next start`.
  HOST: z.string().trim().min(1).optional(),
  // Reverse proxies in front of this server that append to X-Forwarded-For (see client-address.ts).
  // 0 (default) trusts only the socket: whatever a client writes in X-Forwarded-For changes nothing.
  // A count higher than the proxies really in front lets clients choose their own address.
  TRUSTED_PROXY_HOPS: z.coerce.number({ message: "must be a whole number" }).int().min(0).max(10).default(0),
  // Answer POST /api/subscribe/* before Next's router (see server/intake-path.ts). false sends it
  // through Next like every other path: slower, identical answers. For comparison and debugging.
  INTAKE_DIRECT_PATH: z
    .enum(["true", "false"], { message: "must be true or false" })
    .default("true")
    .transform((value) => value === "true"),
});

export type ServerConfig = z.infer<typeof serverConfigSchema>;

export function loadServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = serverConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`Invalid configuration: ${String(issue?.path[0] ?? "server")} ${issue?.message ?? "is invalid"}`);
}
