// What a tenant's name and slug may be. The slug is in every URL (/t/{slug}) and never changes.
import { z } from "zod";
import { displayTextSchema } from "@/lib/display-text";

export const tenantSlugSchema = z
  .string()
  .trim()
  .min(2, "must be 2–40 characters")
  .max(40, "must be 2–40 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "may only hold lower-case letters, digits and single hyphens (e.g. acme-eu)");

export const tenantNameSchema = displayTextSchema({ label: "Tenant name", min: 1, max: 100 });
