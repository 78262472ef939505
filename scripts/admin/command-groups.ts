// The admin CLI's command groups, one file each (tenant, user, api-key, …). Add a group by writing
// `registerXCommands(program, context)` beside this file and listing it here.
import type { Command } from "commander";
import { registerApiKeyCommands } from "./api-key-commands";
import type { AdminContext } from "./admin-context";
import { registerTenantCommands } from "./tenant-commands";
import { registerUserCommands } from "./user-commands";

export function registerCommandGroups(program: Command, context: AdminContext): void {
  registerTenantCommands(program, context);
  registerUserCommands(program, context);
  registerApiKeyCommands(program, context);
}
