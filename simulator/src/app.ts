import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import { answerWithFault } from "./fault-responses";
import type { RequestContext } from "./http/context";
import { BodyTooLargeError } from "./http/read-body";
import { sendJson } from "./http/respond";
import { refuseUntrustedRequest } from "./http/request-guard";
import { createRouter } from "./http/router";
import { routes } from "./routes";
import type { SimulatorState } from "./state/simulator-state";
import { redactPath } from "./state/request-log";

// The request pipeline: guard → log → latency → injected faults → route. Control paths (/_sim/)
// skip log, latency and faults so tests can always reach them, even while faults are active; the
// guard (no browser-driven or DNS-rebound requests, see http/request-guard.ts) applies to every path.

const match = createRouter(routes);

export function createRequestListener(state: SimulatorState, listeningHost: string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const refusal = refuseUntrustedRequest(req, listeningHost);
    if (refusal) {
      req.resume();
      return sendJson(res, refusal.status, {
        status: "error",
        message: refusal.message,
        correlationId: randomUUID(),
        category: "FORBIDDEN",
      });
    }
    void handle(state, req, res);
  };
}

async function handle(state: SimulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://simulator.invalid");
  const method = req.method ?? "GET";
  const ctx: RequestContext = { req, res, url, params: {}, state, note: {} };
  const isControl = url.pathname.startsWith("/_sim/");
  if (!isControl) logWhenDone(ctx, method);

  try {
    if (!isControl) {
      if (state.config.latencyMs > 0) await delay(state.config.latencyMs);
      if (answerWithFault(ctx, state.faults.pick(url.pathname))) return;
    }
    const route = match(method, url.pathname);
    if (route.kind === "found") {
      ctx.params = route.params;
      return await route.handler(ctx);
    }
    const notFound = route.kind === "not-found";
    sendJson(res, notFound ? 404 : 405, {
      status: "error",
      message: notFound
        ? `No route for ${method} ${redactPath(url.pathname)}`
        : `Method ${method} not allowed; use ${route.allowed.join(", ")}`,
      correlationId: randomUUID(),
      category: notFound ? "OBJECT_NOT_FOUND" : "VALIDATION_ERROR",
    });
  } catch (error) {
    if (res.headersSent) return void res.destroy();
    const tooLarge = error instanceof BodyTooLargeError;
    // Only the error class and path reach the console: bodies and URLs may hold tokens.
    if (!tooLarge) console.error(`[hubspot-sim] ${method} ${redactPath(url.pathname)} failed: ${(error as Error).name}`);
    sendJson(res, tooLarge ? 413 : 500, {
      status: "error",
      message: tooLarge ? "Request body too large" : "internal simulator error",
      correlationId: randomUUID(),
      category: tooLarge ? "VALIDATION_ERROR" : "INTERNAL_ERROR",
    });
  }
}

function logWhenDone(ctx: RequestContext, method: string): void {
  const started = performance.now();
  const entry = ctx.state.requests.record({
    method,
    path: redactPath(ctx.url.pathname),
    status: null,
    time: new Date().toISOString(),
    durationMs: 0,
  });
  ctx.res.on("close", () => {
    entry.status = ctx.res.headersSent ? ctx.res.statusCode : null;
    entry.durationMs = Math.round((performance.now() - started) * 10) / 10;
    if (ctx.note.grantType) entry.grantType = ctx.note.grantType;
    if (ctx.note.portalId !== undefined) entry.portalId = ctx.note.portalId;
    if (ctx.note.mail) entry.mail = ctx.note.mail;
  });
}
