// One operation of the API reference: method, path, what it does, its parameters, body and answers.
export type OperationView = {
  method: string;
  path: string;
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
};

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

export function OperationEntry({ operation }: { operation: OperationView }) {
  return (
    <article id={operation.operationId} className="space-y-2 rounded-md border border-slate-300 p-4">
      <h3 className="font-mono text-base font-semibold">
        <span className="mr-2 rounded bg-slate-800 px-2 py-0.5 text-sm uppercase text-white">{operation.method}</span>
        {operation.path}
      </h3>
      <p className="font-medium">{operation.summary}</p>
      {operation.description && <p className="whitespace-pre-line text-sm text-slate-700">{operation.description}</p>}
      {operation.parameters && operation.parameters.length > 0 && (
        <ul className="list-disc pl-6 text-sm">
          {operation.parameters.map((parameter) => (
            <li key={`${parameter.in}-${parameter.name}`}>
              <code>{parameter.name}</code> ({parameter.in}
              {parameter.required ? ", required" : ""}){parameter.description ? ` — ${parameter.description}` : ""}
            </li>
          ))}
        </ul>
      )}
      {operation.requestBody && (
        <details className="text-sm">
          <summary className="cursor-pointer">Request body (JSON schema)</summary>
          <pre className="overflow-x-auto bg-slate-50 p-2">{pretty(operation.requestBody.content["application/json"]?.schema)}</pre>
        </details>
      )}
      <ul className="text-sm">
        {Object.entries(operation.responses).map(([status, response]) => (
          <li key={status}>
            <code>{status}</code> {response.description}
          </li>
        ))}
      </ul>
    </article>
  );
}
