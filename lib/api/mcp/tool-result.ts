// How a tool call answers: structured content that matches the tool's output schema, or a tool
// error carrying the same problem document (code, status, detail) /api/v1 would have answered —
// never a transport error, so an agent can read what went wrong and try something else.
import { AppError } from "@/lib/app-error";
import { log } from "@/lib/log";
import { INTERNAL_PROBLEM, problemOf, type Problem } from "../problem";

export type ToolResult = {
  content: { type: "text"; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
};

export function toolSuccess(structured: Record<string, unknown>): ToolResult {
  return { content: [{ type: "text", text: JSON.stringify(structured) }], structuredContent: structured };
}

export function toolFailure(error: unknown, tool: string): { result: ToolResult; problem: Problem } {
  let problem: Problem;
  if (error instanceof AppError) problem = problemOf(error);
  else {
    log.error("mcp tool failed", { tool, error });
    problem = INTERNAL_PROBLEM;
  }
  return { result: { content: [{ type: "text", text: JSON.stringify(problem) }], isError: true }, problem };
}
