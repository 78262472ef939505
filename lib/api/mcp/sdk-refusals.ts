// Tool calls the SDK refuses before a tool runs (arguments failing the tool's schema, an unknown or
// withheld tool) come back as tool errors with the SDK's own text. They are calls all the same: each
// gets the problem document /api/v1 would have answered, and its audit event, here.
import { AppError } from "@/lib/app-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/create-client";
import { problemOf, type Problem } from "../problem";
import type { TenantCaller } from "./tenant-caller";

type JsonRpcAnswer = { result?: { isError?: boolean; content?: { type: string; text?: string }[] } };

export function calledToolOf(body: unknown): string | null {
  const message = body as { method?: unknown; params?: { name?: unknown } } | null;
  return message?.method === "tools/call" && typeof message.params?.name === "string" ? message.params.name : null;
}

/** The answer's text with the SDK's refusal turned into a problem document, and the refusal audited. */
export async function settleSdkRefusal(db: Db, caller: TenantCaller, tool: string, answerText: string): Promise<string> {
  let answer: JsonRpcAnswer;
  try {
    answer = JSON.parse(answerText) as JsonRpcAnswer;
  } catch {
    return answerText;
  }
  const content = answer.result?.content?.[0];
  if (!answer.result?.isError || !content?.text) return answerText;
  const unknownTool = /not found|disabled/i.test(content.text);
  const error = unknownTool
    ? new AppError("not_found", `There is no tool named ${tool} for this key.`)
    : new AppError("invalid_input", content.text.replace(/^MCP error -?\d+: /, ""));
  const problem: Problem = problemOf(error);
  content.text = JSON.stringify(problem);
  await recordAuditEvent(db, {
    tenantId: caller.tenantId,
    actorLabel: caller.label,
    action: "mcp_tool_call",
    outcome: "failure",
    detail: `MCP tool ${tool.slice(0, 100)} refused: ${problem.code}`,
  });
  return JSON.stringify(answer);
}
