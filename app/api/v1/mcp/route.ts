// /api/v1/mcp — the MCP endpoint for a host's AI agents (Streamable HTTP, stateless; see lib/api/mcp).
import { handleMcp } from "@switchboard/lib/api/mcp/handle-mcp";
import { processRuntime } from "@switchboard/lib/runtime/process-runtime";

const serve = (request: Request) => handleMcp(processRuntime(), request);

export { serve as POST, serve as GET, serve as PUT, serve as PATCH, serve as DELETE };
