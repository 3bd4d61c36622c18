import type { HttpMethod, OpenApiOperation, OpenApiParameter } from "@/server/rest/openapi";

type JsonSchema = OpenApiParameter["schema"];

/** A schema in a line: its type(s), or its values when it takes a few. */
function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  return schema.type ?? "any";
}

/** A JSON Schema, formatted: wrapped rather than scrolled, so no region needs a keyboard to read it. */
export function SchemaBlock({ summary, schema }: { summary: string; schema: unknown }) {
  return (
    <details className="mt-3">
      <summary className="cursor-pointer text-sm font-semibold text-link">{summary}</summary>
      <pre className="mt-2 border border-line bg-page p-3 text-xs break-all whitespace-pre-wrap">{JSON.stringify(schema, null, 2)}</pre>
    </details>
  );
}

function Parameters({ parameters }: { parameters: OpenApiParameter[] }) {
  return (
    <>
      <table className="mt-3 w-full text-left text-sm">
        <caption className="py-1 text-left font-semibold">Parameters</caption>
        <thead className="bg-[#514943] text-white">
          <tr>
            {["Name", "In", "Required", "Type", "Description"].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-semibold">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {parameters.map((p) => (
            <tr key={`${p.in} ${p.name}`} className="border-b border-line align-top">
              <td className="px-3 py-2 font-mono">{p.name}</td>
              <td className="px-3 py-2">{p.in}</td>
              <td className="px-3 py-2">{p.required ? "yes" : "no"}</td>
              <td className="px-3 py-2 font-mono break-all">{typeOf(p.schema)}</td>
              <td className="px-3 py-2">{p.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {parameters
        .filter((p) => p.schema.type === "object")
        .map((p) => (
          <SchemaBlock key={p.name} summary={`${p.name}: schema`} schema={p.schema} />
        ))}
    </>
  );
}

/** One call: method and path, its ACL resource, parameters, request body and answer. */
export function Operation({ method, path, operation }: { method: HttpMethod; path: string; operation: OpenApiOperation }) {
  const answer = operation.responses[200];
  const errors = Object.keys(operation.responses).filter((status) => status !== "200");
  return (
    <article aria-labelledby={operation.operationId} className="mt-4 border border-line bg-white p-4">
      <h3 id={operation.operationId} className="font-mono text-base break-all">
        <span className="mr-2 inline-block min-w-16 border border-ink px-1.5 text-center text-sm font-semibold">{method.toUpperCase()}</span>{" "}
        {path}
      </h3>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted">ACL resource</dt>
        <dd className="font-mono">{operation["x-acl-resource"] ?? "none (anonymous)"}</dd>
        <dt className="text-muted">Operation id</dt>
        <dd className="font-mono">{operation.operationId}</dd>
        <dt className="text-muted">Error answers</dt>
        <dd>{errors.join(", ")}</dd>
      </dl>
      {operation.parameters.length > 0 && <Parameters parameters={operation.parameters} />}
      {operation.requestBody && (
        <SchemaBlock summary="Request body (application/json)" schema={operation.requestBody.content["application/json"].schema} />
      )}
      {"content" in answer && <SchemaBlock summary="Answer 200 (application/json)" schema={answer.content["application/json"].schema} />}
    </article>
  );
}
