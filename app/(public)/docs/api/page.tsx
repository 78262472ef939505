// /docs/api — a readable reference of the host API, rendered from the same generated OpenAPI document
// that /api/v1/openapi.json serves, so the page and the machine-readable contract always agree.
import type { Metadata } from "next";
import { connection } from "next/server";
import { openApiDocument } from "@switchboard/lib/api/openapi";
import { processRuntime } from "@switchboard/lib/runtime/process-runtime";
import { OperationEntry, type OperationView } from "./operation-entry";

export const metadata: Metadata = { title: "API reference" };

const PROBLEM_CODES: [string, string][] = [
  ["unauthenticated", "401: the API key is missing, malformed, unknown or revoked."],
  ["forbidden", "403: the key lacks the scope the operation needs."],
  ["not_found", "404: nothing with that id for this key (another tenant's objects look missing too), or no operation at that path."],
  ["method_not_allowed", "405: the path does not take this method; `Allow` lists the ones it does."],
  ["conflict", "409: the object's state prevents it; for access tokens, `reason` says why the tenant must reconnect."],
  ["payload_too_large", "413: the body is larger than 64 KB."],
  ["unsupported_media_type", "415: send application/json."],
  ["invalid_input", "422: `errors` lists the messages per field (unknown fields are refused too)."],
  [
    "rate_limited",
    "429: too many requests for this key, or too many invitations to one address or from one tenant in an hour; wait Retry-After seconds.",
  ],
  ["unavailable", "503: HubSpot or the database did not answer; try again."],
  ["internal", "500: a bug on our side; the details are in the server log, never in the answer."],
];

// Rendered per request: the server URLs in it come from APP_URL as the server runs, not as it was built.
export default async function ApiReferencePage() {
  await connection();
  const doc = openApiDocument(processRuntime().env.APP_URL) as unknown as {
    info: { title: string; description?: string };
    paths: Record<string, Record<string, Omit<OperationView, "method" | "path">>>;
    webhooks?: Record<string, Record<string, { summary?: string; requestBody?: unknown }>>;
  };
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ ...operation, method, path })),
  );
  const tags = [...new Set(operations.map((operation) => operation.tags?.[0] ?? "Other"))];
  return (
    <main id="main-content" className="mx-auto max-w-4xl space-y-10 px-4 py-10 text-slate-900">
      <header className="space-y-3">
        <h1 className="text-3xl font-semibold">{doc.info.title}</h1>
        <p className="text-slate-700">{doc.info.description}</p>
        <p className="text-slate-700">
          Authenticate with <code>Authorization: Bearer sb_live_…</code>. Machine-readable:{" "}
          <a className="text-indigo-800 underline" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>{" "}
          (OpenAPI 3.1).
        </p>
      </header>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="space-y-4">
          <h2 id={`tag-${tag}`} className="text-2xl font-semibold">
            {tag}
          </h2>
          {operations
            .filter((operation) => (operation.tags?.[0] ?? "Other") === tag)
            .map((operation) => (
              <OperationEntry key={operation.operationId} operation={operation} />
            ))}
        </section>
      ))}
      <section aria-labelledby="webhooks" className="space-y-3">
        <h2 id="webhooks" className="text-2xl font-semibold">
          Webhook events
        </h2>
        <p className="text-slate-700">
          Signed per{" "}
          <a className="text-indigo-800 underline" href="https://www.standardwebhooks.com/">
            Standard Webhooks
          </a>{" "}
          (<code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>); a redelivery keeps its webhook-id.
        </p>
        <ul className="list-disc space-y-1 pl-6">
          {Object.entries(doc.webhooks ?? {}).map(([type, methods]) => (
            <li key={type}>
              <code>{type}</code> — {methods.post?.summary}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="problems" className="space-y-3">
        <h2 id="problems" className="text-2xl font-semibold">
          Problems (RFC 9457)
        </h2>
        <p className="text-slate-700">
          Errors are <code>application/problem+json</code> with <code>type</code>, <code>title</code>, <code>status</code>,{" "}
          <code>detail</code> and <code>code</code>.
        </p>
        <dl className="space-y-2">
          {PROBLEM_CODES.map(([code, text]) => (
            <div key={code} id={`problem-${code}`}>
              <dt className="font-mono font-semibold">{code}</dt>
              <dd className="text-slate-700">{text}</dd>
            </div>
          ))}
        </dl>
      </section>
    </main>
  );
}
