// Validates a command's options with zod; the first problem becomes one UsageError line (exit 2)
// naming the option as typed on the command line.
import type { z } from "zod";
import { UsageError } from "./admin-context";

export function parseOptions<Schema extends z.ZodType>(schema: Schema, options: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(options);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const option = issue?.path[0] ? `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ` : "";
  throw new UsageError(`${option}${issue?.message ?? "is invalid"}`);
}
