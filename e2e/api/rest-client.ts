import { expect, type APIRequestContext } from "@playwright/test";

export interface RestAnswer {
  status: number;
  // JSON as the server sent it; tests look inside.
  body: any;
}

export type Body = unknown;

/** A raw body sent as is (malformed JSON, bytes), instead of JSON-encoding a value. */
export class RawBody {
  constructor(readonly data: string | Buffer) {}
}

/**
 * Talks to the production server's REST API over HTTP, as an integration would: a bearer token
 * (or none), JSON in and out. Intent-level helpers keep the specs about Magento's calls.
 */
export class RestClient {
  constructor(
    private readonly request: APIRequestContext,
    private readonly token: string | null,
    private readonly prefix = "/rest/V1",
  ) {}

  /** The same client under /rest/{storeCode}/V1. */
  forStore(storeCode: string): RestClient {
    return new RestClient(this.request, this.token, `/rest/${storeCode}/V1`);
  }

  withToken(token: string | null): RestClient {
    return new RestClient(this.request, token, this.prefix);
  }

  async call(method: string, path: string, body?: Body): Promise<RestAnswer> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (this.token !== null) headers.Authorization = `Bearer ${this.token}`;
    let data: string | Buffer | undefined;
    // Playwright JSON-encodes a string body sent as JSON: raw text goes as bytes.
    if (body instanceof RawBody) data = Buffer.from(body.data);
    else if (body !== undefined) data = JSON.stringify(body);
    if (data !== undefined) headers["Content-Type"] = "application/json";
    const response = await this.request.fetch(`${this.prefix}/${path}`, { method, headers, data, failOnStatusCode: false });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: response.status(), body: json };
  }

  get = (path: string) => this.call("GET", path);
  post = (path: string, body?: Body) => this.call("POST", path, body);
  put = (path: string, body?: Body) => this.call("PUT", path, body);
  delete = (path: string) => this.call("DELETE", path);

  /** GET inventory/get-product-salable-quantity (inventory-rules §2). */
  async salableQty(sku: string, stockId: number): Promise<number> {
    return (await this.get(`inventory/get-product-salable-quantity/${sku}/${stockId}`)).body;
  }

  /** GET inventory/is-product-salable (inventory-rules §3). */
  async isSalable(sku: string, stockId: number): Promise<boolean> {
    return (await this.get(`inventory/is-product-salable/${sku}/${stockId}`)).body;
  }

  /** GET inventory/is-product-salable-for-requested-qty (inventory-rules §4): `{salable, errors}`. */
  async salableForQty(sku: string, stockId: number, qty: number | string) {
    return (await this.get(`inventory/is-product-salable-for-requested-qty/${sku}/${stockId}/${qty}`)).body;
  }

  /** A SKU's source item quantities read back through GET inventory/source-items, by source code. */
  async sourceQuantities(sku: string): Promise<Record<string, number>> {
    const answer = await this.search("inventory/source-items", {
      "[filter_groups][0][filters][0][field]": "sku",
      "[filter_groups][0][filters][0][value]": sku,
    });
    return Object.fromEntries(answer.body.items.map((i: { source_code: string; quantity: number }) => [i.source_code, i.quantity]));
  }

  /** GET …?searchCriteria built from a flat map of its bracket keys. */
  search(path: string, criteria: Record<string, string | number>): Promise<RestAnswer> {
    const query = Object.entries(criteria)
      .map(([key, value]) => `searchCriteria${key}=${encodeURIComponent(String(value))}`)
      .join("&");
    return this.get(`${path}?${query}`);
  }
}

/** Magento clients fill each %name with its parameter: what a person finally reads. */
export function rendered(answer: RestAnswer): string {
  const { message, parameters } = answer.body ?? {};
  if (typeof message !== "string") return String(answer.body);
  return message.replace(/%(\w+)/g, (whole: string, name: string) => (parameters && name in parameters ? String(parameters[name]) : whole));
}

/** The body of a call that must succeed; anything but 200 fails the test, showing the answer. */
export async function ok(answer: Promise<RestAnswer>) {
  const { status, body } = await answer;
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

/** North (priority 1) and South (2) in "Retail Stock" (id 2), which sells to Main Website: multi-source mode. */
export async function retailStock(api: RestClient): Promise<number> {
  for (const [code, name] of [["north", "North Warehouse"], ["south", "South Warehouse"]]) {
    await ok(api.post("inventory/sources", { source: { source_code: code, name, country_id: "US", postcode: "10001" } }));
  }
  const stock: number = await ok(
    api.post("inventory/stocks", { stock: { name: "Retail Stock", extension_attributes: { sales_channels: [{ type: "website", code: "base" }] } } }),
  );
  await ok(
    api.post("inventory/stock-source-links", {
      links: [
        { stock_id: stock, source_code: "north", priority: 1 },
        { stock_id: stock, source_code: "south", priority: 2 },
      ],
    }),
  );
  return stock;
}
