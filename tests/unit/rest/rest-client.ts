import { and, count, eq } from "drizzle-orm";
import type { Db } from "@/db/connection";
import { createAdminUser } from "@/db/queries/auth";
import { saveSource } from "@/db/queries/sources";
import { saveStock, saveStockSourceLinks } from "@/db/queries/stocks";
import { auditLog, products, salableIndex, sourceItems } from "@/db/schema";
import { API_TOKEN_TTL_MS } from "@/lib/auth/tokens";
import { issueSecret } from "@/server/auth/sign-in";
import { REST_ROUTES } from "@/server/rest/routes";
import { handleRest } from "@/server/rest/router";

/*
 * The REST entry point called as the route handler calls it, on a test's own database. The test
 * file mocks `@/server/db` (getDb answers its database) and `next/cache` (writes revalidate pages).
 */

interface Answer {
  status: number;
  // JSON as the router answered it; tests look inside.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface RestClient {
  call(method: string, path: string, body?: unknown, token?: string | null): Promise<Answer>;
  get(path: string): Promise<Answer>;
  post(path: string, body?: unknown): Promise<Answer>;
  put(path: string, body?: unknown): Promise<Answer>;
}

/** An admin with an API token on `db`, and calls to /rest/V1/{path} that send it. */
export async function signedIn(db: Db): Promise<RestClient> {
  const { id } = await createAdminUser(db, "admin", "not-a-real-hash");
  const { secret } = await issueSecret(db, id, "api", API_TOKEN_TTL_MS);
  const call = async (method: string, path: string, body?: unknown, token: string | null = secret): Promise<Answer> => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    const request = new Request(`http://127.0.0.1/rest/V1/${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = await handleRest(request, method, REST_ROUTES);
    return { status: answer.status, body: await answer.json() };
  };
  return {
    call,
    get: (path) => call("GET", path),
    post: (path, body) => call("POST", path, body),
    put: (path, body) => call("PUT", path, body),
  };
}

const fill = (message: string, parameters: Record<string, string | number>) =>
  message.replace(/%(\w+)/g, (whole, name: string) => (name in parameters ? String(parameters[name]) : whole));

/** The message with its parameters filled in, as a Magento client shows it. */
export const rendered = (answer: Answer): string => fill(String(answer.body.message), answer.body.parameters);

/** Every refused problem, filled in: what `errors` lists. */
export const renderedErrors = (answer: Answer): string[] =>
  (answer.body.errors ?? []).map((e: { message: string; parameters: Record<string, string | number> }) => fill(e.message, e.parameters));

/**
 * Multi-source mode: sources "north" and "south" in "Retail" (stock 2), which sells to Main
 * Website, south first by priority. Answers the stock's id.
 */
export async function retailStock(db: Db): Promise<number> {
  for (const code of ["north", "south"]) {
    await saveSource(db, { source_code: code, name: `${code[0].toUpperCase()}${code.slice(1)} Warehouse`, enabled: true, country_id: "US", postcode: "10001" }, null);
  }
  const stockId = await saveStock(db, { name: "Retail", extension_attributes: { sales_channels: [{ type: "website", code: "base" }] } }, null);
  await saveStockSourceLinks(
    db,
    [
      { stock_id: stockId, source_code: "north", priority: 2 },
      { stock_id: stockId, source_code: "south", priority: 1 },
    ],
    null,
  );
  return stockId;
}

/** A SKU's source items by source code: `[quantity, status]`. */
export async function sourceItemsOf(db: Db, sku: string): Promise<Record<string, [number, number]>> {
  const rows = await db.select().from(sourceItems).where(eq(sourceItems.sku, sku));
  return Object.fromEntries(rows.map((r) => [r.sourceCode, [r.quantity, r.status]]));
}

/** What a refused write must leave as it was: every source item, and the audit log's length. */
export async function storedState(db: Db) {
  const items = await db.select().from(sourceItems).orderBy(sourceItems.id);
  const [{ n: audits }] = await db.select({ n: count() }).from(auditLog);
  return { items, audits };
}

/** The salable index row of a SKU on a stock (undefined: not assigned there). */
export async function indexRow(db: Db, sku: string, stockId: number) {
  const [{ id }] = await db.select({ id: products.id }).from(products).where(eq(products.sku, sku));
  const [row] = await db.select().from(salableIndex).where(and(eq(salableIndex.productId, id), eq(salableIndex.stockId, stockId)));
  return row;
}
