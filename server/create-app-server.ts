// The production server's one routing decision: the public signup API takes the direct intake path
// (server/intake-path.ts), every other request goes to Next.js untouched.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { log } from "@/lib/log";
import type { SubscribeContext } from "@/lib/signups/intake/handle-subscribe";
import { intakeSlugOf, serveIntake } from "./intake-path";

export interface AppServerOptions {
  /** Next's request handler (`next().getRequestHandler()`). */
  handleWithNext: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
  context: SubscribeContext;
  intakeDirectPath: boolean;
}

export function createAppServer({ handleWithNext, context, intakeDirectPath }: AppServerOptions): Server {
  return createServer((request, response) => {
    const slug = intakeDirectPath ? intakeSlugOf(request) : null;
    const handled = slug === null ? handleWithNext(request, response) : serveIntake(request, response, slug, context);
    handled.catch((error: unknown) => {
      log.error("request failed", { path: request.url?.split("?")[0], error });
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain" });
      response.end();
    });
  });
}
