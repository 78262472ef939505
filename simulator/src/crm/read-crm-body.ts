import type { z } from "zod";
import type { RequestContext } from "../http/context";
import { readJson } from "../http/read-body";
import { sendCrm, type CrmCaller } from "./authorize-call";
import { validationError } from "./crm-errors";
import { describeSchemaError } from "./request-schemas";

/** Parses and validates a JSON body; on failure answers 400 VALIDATION_ERROR and returns null. */
export async function readCrmBody<T>(ctx: RequestContext, caller: CrmCaller, schema: z.ZodType<T>): Promise<T | null> {
  const json = await readJson(ctx.req);
  if (!json.ok) {
    sendCrm(ctx, caller, 400, validationError(json.message));
    return null;
  }
  const parsed = schema.safeParse(json.value);
  if (!parsed.success) {
    sendCrm(ctx, caller, 400, validationError(describeSchemaError(parsed.error)));
    return null;
  }
  return parsed.data;
}
