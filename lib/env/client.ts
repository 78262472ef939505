// Values safe to ship to the browser. Only NEXT_PUBLIC_* variables may ever appear here; next
// inlines them at build time, so each is read by its literal name.
import { z } from "zod";

const clientEnvSchema = z.object({
  NEXT_PUBLIC_PRODUCT_NAME: z.string().trim().min(1).default("Switchboard"),
});

export type ClientEnv = z.infer<typeof clientEnvSchema>;

export const clientEnv: ClientEnv = clientEnvSchema.parse({
  NEXT_PUBLIC_PRODUCT_NAME: process.env.NEXT_PUBLIC_PRODUCT_NAME || undefined,
});
