import { count } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/connection";
import { products, sourceItems } from "@/db/schema";
import { PRODUCT_CSV_HEADER, STOCK_SOURCE_CSV_HEADER } from "@/lib/catalog-csv";
import { tempDb } from "./temp-db";

// The export route itself, on this test's database, as a signed-in admin.
let db: Db;
vi.mock("@/server/db", () => ({ getDb: async () => db }));
vi.mock("@/server/auth/guard", () => ({ requireResource: async () => ({ id: 1, username: "admin" }) }));
const { GET } = await import("@/app/admin/(shell)/export/file/route");

async function exported(query: string): Promise<{ name: string | null; rows: string[][] }> {
  const response = await GET(new Request(`http://stockroom.test/admin/export/file?${query}`));
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? null;
  return { name, rows: parse(await response.text()) as string[][] };
}

const bySku = (rows: string[][], header: readonly string[]) =>
  new Map(rows.slice(1).map((row) => [row[header.indexOf("sku")], Object.fromEntries(header.map((h, i) => [h, row[i]]))]));

describe("System > Data Transfer > Export", () => {
  it("Products: Magento's stock columns, one row per product, the stored overrides and the default source's quantity", async () => {
    db = await tempDb();
    const { name, rows } = await exported("entity=catalog_product");
    expect(name).toMatch(/^catalog_product_\d{8}_\d{6}\.csv$/);
    expect(rows[0]).toEqual([...PRODUCT_CSV_HEADER]);
    const [{ n }] = await db.select({ n: count() }).from(products);
    expect(rows).toHaveLength(n + 1);
    const items = bySku(rows, PRODUCT_CSV_HEADER);
    // The seed: SR-FABRIC-M sells by the metre from 0.5, backorders "No Backorders" overridden; 12.5 m in stock.
    expect(items.get("SR-FABRIC-M")).toMatchObject({
      qty: "12.5",
      is_in_stock: "1",
      is_qty_decimal: "1",
      min_cart_qty: "0.5",
      use_config_min_sale_qty: "0",
      allow_backorders: "0",
      use_config_backorders: "0",
      use_config_manage_stock: "1",
    });
    // SR-TIES-100 sells in fives.
    expect(items.get("SR-TIES-100")).toMatchObject({ enable_qty_increments: "1", use_config_enable_qty_inc: "0", qty_increments: "5", qty: "100" });
  });

  it("the grid's filter exports only the products it matches; scope=all exports every one", async () => {
    db = await tempDb();
    const filtered = await exported("entity=catalog_product&q=cap&scope=filter");
    expect(filtered.rows.slice(1).map((r) => r[0])).toEqual(["SR-CAP"]);
    const disabled = await exported("entity=catalog_product&status=2");
    expect(disabled.rows.slice(1).map((r) => r[0])).toEqual(["SR-NOTEBOOK"]);
    const all = await exported("entity=catalog_product&q=cap&scope=all");
    expect(all.rows.length).toBeGreaterThan(2);
  });

  it("Stock Sources: source_code, sku, status, quantity, one row per source item", async () => {
    db = await tempDb();
    const { name, rows } = await exported("entity=stock_sources");
    expect(name).toMatch(/^stock_sources_\d{8}_\d{6}\.csv$/);
    expect(rows[0]).toEqual([...STOCK_SOURCE_CSV_HEADER]);
    const [{ n }] = await db.select({ n: count() }).from(sourceItems);
    expect(rows).toHaveLength(n + 1);
    expect(rows).toContainEqual(["default", "SR-CAP", "1", "40"]);
  });

  it("an unknown entity in a hand-edited URL exports Products rather than failing", async () => {
    db = await tempDb();
    expect((await exported("entity=customers")).rows[0]).toEqual([...PRODUCT_CSV_HEADER]);
  });
});
