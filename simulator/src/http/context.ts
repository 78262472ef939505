import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimulatorState } from "../state/simulator-state";

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  state: SimulatorState;
  /** Extra, token-free facts for the request log (e.g. the grant type of a token call). */
  note: { grantType?: string; portalId?: number; mail?: { to: string; subject: string } };
}

export type Handler = (ctx: RequestContext) => Promise<void> | void;

export interface Route {
  method: string;
  /** Path pattern with `:name` segments, e.g. `/crm/v3/objects/contacts/:contactId`. */
  path: string;
  handler: Handler;
}
