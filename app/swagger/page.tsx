import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/server/auth/guard";
import { openApiDocument, type HttpMethod, type OpenApiOperation } from "@/server/rest/openapi";
import { REST_ROUTES } from "@/server/rest/routes";
import { Operation, SchemaBlock } from "./_components/operation";

export const metadata: Metadata = { title: "REST API reference" };
export const dynamic = "force-dynamic";

const SCHEMA_URL = "/rest/default/schema?services=all";

interface Call {
  method: HttpMethod;
  path: string;
  operation: OpenApiOperation;
}

const anchor = (tag: string) => `group-${tag.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;

/**
 * Magento's /swagger for signed-in admins: the OpenAPI document the REST API serves, rendered on
 * the server (the Content-Security-Policy allows no third-party UI, and none is needed to read it).
 */
export default async function SwaggerPage() {
  await requireAdmin("/swagger");
  const document = openApiDocument(REST_ROUTES);
  const calls: Call[] = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({ method: method as HttpMethod, path, operation })),
  );
  const { Error: errorSchema } = document.components.schemas;

  return (
    <div className="min-h-screen">
      <header className="flex flex-wrap items-center justify-between gap-4 bg-menu px-6 py-4">
        <p className="text-xl font-semibold text-menu-accent">Stockroom</p>
        <Link href="/admin/dashboard" className="text-sm text-menu-text underline hover:text-white">
          Back to the admin
        </Link>
      </header>
      <main className="mx-auto max-w-5xl px-6 py-8">
        <h1 className="text-3xl font-light">
          {document.info.title} <span className="text-xl text-muted">{document.info.version}</span>
        </h1>
        <p className="mt-3">{document.info.description}</p>
        <p className="mt-3">
          Calls are under <code>/rest/V1</code> or <code>/rest/{"{storeCode}"}/V1</code>. The OpenAPI 3.1 document is at{" "}
          <a href={SCHEMA_URL} className="text-link underline hover:no-underline">
            {SCHEMA_URL}
          </a>{" "}
          (and <code>/rest/schema</code>), without a token, as Magento serves its own.
        </p>

        <h2 className="mt-8 text-2xl font-light">Authentication</h2>
        <p className="mt-2">
          Every call but <code>POST /V1/integration/admin/token</code> needs <code>Authorization: Bearer &lt;token&gt;</code>, the
          token that call answers for an admin&apos;s username and password. It lasts 4 hours.
        </p>

        <h2 className="mt-8 text-2xl font-light">Errors</h2>
        <ul className="mt-2 list-disc pl-6">
          {Object.entries(document.components.responses).map(([name, response]) => (
            <li key={name}>{response.description}</li>
          ))}
        </ul>
        <SchemaBlock summary="Error answer (application/json)" schema={errorSchema} />

        <nav aria-labelledby="groups" className="mt-8">
          <h2 id="groups" className="text-2xl font-light">
            Calls
          </h2>
          <ul className="mt-2 grid gap-1 sm:grid-cols-2">
            {document.tags.map(({ name }) => (
              <li key={name}>
                <a href={`#${anchor(name)}`} className="text-link underline hover:no-underline">
                  {name}
                </a>
              </li>
            ))}
          </ul>
        </nav>

        {document.tags.map(({ name }) => (
          <section key={name} aria-labelledby={anchor(name)} className="mt-10">
            <h2 id={anchor(name)} className="border-b border-line pb-2 text-2xl font-light">
              {name}
            </h2>
            {calls
              .filter((call) => call.operation.tags.includes(name))
              .map((call) => (
                <Operation key={call.operation.operationId} {...call} />
              ))}
          </section>
        ))}
      </main>
    </div>
  );
}
