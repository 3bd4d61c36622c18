import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/connection";
import { saveSourceItems } from "@/db/queries/source-items";
import { updateStock } from "@/db/queries/stocks";
import { PRODUCT_NOT_FOUND } from "@/lib/refusal";
import { tempDb } from "../db/temp-db";
import { rendered, renderedErrors, retailStock, signedIn, sourceItemsOf, storedState, type RestClient } from "./rest-client";

let db: Db;
vi.mock("@/server/db", () => ({ getDb: async () => db }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

/*
 * Magento's stock reads on the demo catalog (product ids in seed order): 1 SR-TEE-SEED 25,
 * 2 SR-MUG-OOS 0, 3 SR-GIFT-CARD 0, 4 SR-POSTER-LTD 6, 5 SR-FABRIC-M 12.5, 6 SR-TIES-100 100,
 * 7 SR-BOTTLE-LOW 3, 8 SR-CAP 40, 9 SR-SOCKS 8, 10 SR-TOTE 120, 11 SR-NOTEBOOK 30, 12 SR-PEN 1,
 * all at the default source.
 */

let api: RestClient;

beforeEach(async () => {
  db = await tempDb();
  api = await signedIn(db);
});

const ids = (answer: { body: { items: { product_id: number }[] } }) => answer.body.items.map((item) => item.product_id);

describe("GET /V1/stockItems/lowStock (Magento's StockRegistry::getLowStockItems)", () => {
  it("is not read as a SKU: the stock items with qty at most `qty`, by product id, with Magento's collection answer", async () => {
    const answer = await api.get("stockItems/lowStock?scopeId=0&qty=5");
    expect(answer.status).toBe(200);
    expect(ids(answer)).toEqual([2, 3, 7, 12]);
    expect(answer.body.search_criteria).toEqual({ scope_id: 0, qty: 5, current_page: 1, page_size: 0 });
    expect(answer.body.total_count).toBe(4);
    // Each item is the stock item GET stockItems/{sku} answers.
    expect(answer.body.items[2]).toEqual((await api.get("stockItems/SR-BOTTLE-LOW")).body);
  });

  it("pages with currentPage and pageSize (Magento's trailing slash too); every scope id answers alike", async () => {
    const page = await api.get("stockItems/lowStock/?scopeId=1&qty=8&currentPage=2&pageSize=2");
    // qty ≤ 8: 2, 3, 4, 7, 9, 12; the second page of two.
    expect(ids(page)).toEqual([4, 7]);
    expect(page.body.total_count).toBe(6);
    expect(ids(await api.get("stockItems/lowStock?scopeId=0&qty=8&currentPage=4&pageSize=2"))).toEqual([]);
  });

  it("reads the default source item's quantity in multi-source mode (0 where a product has none)", async () => {
    await retailStock(db);
    await saveSourceItems(db, [{ sku: "SR-TOTE", source_code: "north", quantity: 1, status: 1 }], null);
    await api.post("inventory/source-items-delete", { sourceItems: [{ sku: "SR-TOTE", source_code: "default" }] });
    expect(ids(await api.get("stockItems/lowStock?scopeId=0&qty=0"))).toEqual([2, 3, 10]);
  });

  it.each([
    ["no qty", "scopeId=0", "qty: This is a required field."],
    ["no scopeId", "qty=5", "scopeId: This is a required field."],
    ["a qty that is not a number", "scopeId=0&qty=five", "qty: Please enter a valid number in this field."],
    ["a negative page size", "scopeId=0&qty=5&pageSize=-1", "pageSize: Please enter a number 0 or greater in this field."],
    ["page 0", "scopeId=0&qty=5&currentPage=0", "currentPage: Please enter a number 1 or greater in this field."],
  ])("answers 400 for %s", async (_name, query, message) => {
    const answer = await api.get(`stockItems/lowStock?${query}`);
    expect(answer.status).toBe(400);
    expect(rendered(answer)).toBe(message);
  });
});

describe("GET /V1/stockStatuses/{sku}", () => {
  it("answers the legacy stock status: the stock item's qty and whether Default Stock sells the product", async () => {
    const tee = await api.get("stockStatuses/SR-TEE-SEED");
    expect(tee.body).toEqual({
      product_id: 1,
      website_id: 0,
      stock_id: 1,
      qty: 25,
      stock_status: 1,
      stock_item: (await api.get("stockItems/SR-TEE-SEED")).body,
    });
    // Out of Stock at its only source: not salable, whatever backorders allow (inventory-rules §3).
    expect((await api.get("stockStatuses/SR-MUG-OOS")).body).toMatchObject({ product_id: 2, qty: 0, stock_status: 0 });
  });

  it("404s an unknown SKU and needs a token", async () => {
    const unknown = await api.get("stockStatuses/SR-NOPE");
    expect(unknown).toEqual({ status: 404, body: { message: PRODUCT_NOT_FOUND, parameters: {} } });
    expect((await api.call("GET", "stockStatuses/SR-CAP", undefined, null)).body.parameters).toEqual({
      resources: "Magento_CatalogInventory::cataloginventory",
    });
  });
});

describe("GET /V1/inventory/get-sources-assigned-to-stock-ordered-by-priority/{stockId}", () => {
  it("answers the stock's sources as Magento's SourceInterface, highest priority first", async () => {
    const retail = await retailStock(db);
    const answer = await api.get(`inventory/get-sources-assigned-to-stock-ordered-by-priority/${retail}`);
    expect(answer.body).toEqual([
      { source_code: "south", name: "South Warehouse", enabled: true, country_id: "US", postcode: "10001" },
      { source_code: "north", name: "North Warehouse", enabled: true, country_id: "US", postcode: "10001" },
    ]);
    const defaultStock = await api.get("inventory/get-sources-assigned-to-stock-ordered-by-priority/1");
    expect(defaultStock.body.map((s: { source_code: string }) => s.source_code)).toEqual(["default"]);
  });

  it("404s a stock that does not exist and 400s an id that is not one", async () => {
    const unknown = await api.get("inventory/get-sources-assigned-to-stock-ordered-by-priority/99");
    expect(unknown.status).toBe(404);
    expect(rendered(unknown)).toBe('Stock with id "99" does not exist.');
    const bad = await api.get("inventory/get-sources-assigned-to-stock-ordered-by-priority/abc");
    expect(bad.status).toBe(400);
    expect(rendered(bad)).toBe("stockId: Please enter a valid number in this field.");
  });
});

describe("GET /V1/inventory/stock-resolver/{type}/{code}", () => {
  it("answers the stock a website sells from, and follows it when the website moves", async () => {
    expect((await api.get("inventory/stock-resolver/website/base")).body).toEqual({
      stock_id: 1,
      name: "Default Stock",
      extension_attributes: { sales_channels: [{ type: "website", code: "base" }] },
    });
    const retail = await retailStock(db);
    expect((await api.get("inventory/stock-resolver/website/base")).body).toMatchObject({ stock_id: retail, name: "Retail" });
    await updateStock(db, retail, { extension_attributes: { sales_channels: [] } }, null);
    expect((await api.get("inventory/stock-resolver/website/base")).body).toMatchObject({ stock_id: 1 });
  });

  it.each([
    ["an unknown website", "website/mars", "No such entity with type = website, code = mars"],
    ["a type other than website", "store/default", "No such entity with type = store, code = default"],
  ])("404s %s with Magento's message", async (_name, path, message) => {
    const answer = await api.get(`inventory/stock-resolver/${path}`);
    expect(answer.status).toBe(404);
    expect(rendered(answer)).toBe(message);
    expect(answer.body.parameters).toMatchObject({ fieldName: "type", field2Name: "code" });
  });
});

describe("POST /V1/inventory/source-items-delete", () => {
  it("unassigns the pairs named; a pair that was not assigned is left as it is", async () => {
    await retailStock(db);
    await saveSourceItems(db, [{ sku: "SR-CAP", source_code: "north", quantity: 5, status: 1 }], null);
    const answer = await api.post("inventory/source-items-delete", {
      sourceItems: [
        { sku: "SR-CAP", source_code: "default" },
        { sku: "SR-CAP", source_code: "south" },
      ],
    });
    expect(answer).toEqual({ status: 200, body: [] });
    expect(await sourceItemsOf(db, "SR-CAP")).toEqual({ north: [5, 1] });
  });

  it("refuses the whole list when one SKU or source is unknown: nothing is removed", async () => {
    const before = await storedState(db);
    const answer = await api.post("inventory/source-items-delete", {
      sourceItems: [
        { sku: "SR-CAP", source_code: "default" },
        { sku: "SR-NOPE", source_code: "default" },
      ],
    });
    expect(answer.status).toBe(400);
    expect(renderedErrors(answer)).toEqual(['sourceItems.1.sku: Product with SKU "SR-NOPE" does not exist.']);
    const noList = await api.post("inventory/source-items-delete", { sourceItems: [] });
    expect(rendered(noList)).toBe("sourceItems: Please send at least one entry.");
    expect(await storedState(db)).toEqual(before);
  });
});
