import { desc } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/connection";
import { saveSourceItems } from "@/db/queries/source-items";
import { auditLog } from "@/db/schema";
import { VALID_INTEGER } from "@/lib/validation/product";
import { tempDb } from "../db/temp-db";
import { indexRow, rendered, retailStock, signedIn, sourceItemsOf, storedState, type RestClient } from "./rest-client";

let db: Db;
vi.mock("@/server/db", () => ({ getDb: async () => db }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

/*
 * Magento's legacy stock item in multi-source mode (UpdateSourceItemBasedOnLegacyStockItem): a
 * product save or stock item PUT naming qty / is_in_stock writes the default source item,
 * assigning the product to the default source when needed. Demo catalog plus "north" and "south"
 * in Retail; Default Config backorders on with threshold −50 (salable = in-stock qty + 50).
 */

let api: RestClient;

beforeEach(async () => {
  db = await tempDb();
  api = await signedIn(db);
  await retailStock(db);
});

const stockItem = (fields: Record<string, unknown>) => ({ product: { extension_attributes: { stock_item: fields } } });

describe("the legacy stock item's qty and is_in_stock in multi-source mode", () => {
  it("PUT products/{sku} writes the default source item; the other sources stay as they are", async () => {
    await saveSourceItems(db, [{ sku: "SR-TEE-SEED", source_code: "north", quantity: 4, status: 1 }], null);
    const answer = await api.put("products/SR-TEE-SEED", stockItem({ qty: 7, is_in_stock: false }));
    expect(answer.status).toBe(200);
    expect(answer.body.extension_attributes.stock_item).toMatchObject({ qty: 7, is_in_stock: false });
    expect(await sourceItemsOf(db, "SR-TEE-SEED")).toEqual({ default: [7, 0], north: [4, 1] });
    // Default Stock sells the default source alone, now Out of Stock.
    expect(await indexRow(db, "SR-TEE-SEED", 1)).toMatchObject({ isSalable: false });
    const [audit] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({ action: "product_saved", entityType: "product", username: "admin" });
  });

  it("assigns a product to the default source when it is not (PUT stockItems, qty alone keeps the answered status)", async () => {
    await saveSourceItems(db, [{ sku: "SR-CAP", source_code: "north", quantity: 5, status: 1 }], null);
    await api.post("inventory/source-items-delete", { sourceItems: [{ sku: "SR-CAP", source_code: "default" }] });
    // Without a default source item the stock item answers 0 and false: qty alone keeps false.
    expect(await api.put("products/SR-CAP/stockItems/1", { stockItem: { qty: 3 } })).toEqual({ status: 200, body: 8 });
    expect(await sourceItemsOf(db, "SR-CAP")).toEqual({ default: [3, 0], north: [5, 1] });
    await api.put("products/SR-CAP/stockItems/1", { stockItem: { is_in_stock: true } });
    expect(await sourceItemsOf(db, "SR-CAP")).toEqual({ default: [3, 1], north: [5, 1] });
    expect((await api.get("inventory/get-product-salable-quantity/SR-CAP/1")).body).toBe(53);
  });

  it("POST products creates a product with its default source item", async () => {
    const answer = await api.post("products", {
      product: { sku: "SR-BULB", name: "Bulb", price: 3, extension_attributes: { stock_item: { qty: 5 } } },
    });
    expect(answer.status).toBe(200);
    // A new product starts In Stock (the admin's New Product).
    expect(answer.body.extension_attributes.stock_item).toMatchObject({ qty: 5, is_in_stock: true });
    expect(await sourceItemsOf(db, "SR-BULB")).toEqual({ default: [5, 1] });
  });

  it("a save that names neither leaves the source items alone", async () => {
    await api.put("products/SR-TEE-SEED", stockItem({ use_config_backorders: false, backorders: 0 }));
    expect(await sourceItemsOf(db, "SR-TEE-SEED")).toEqual({ default: [25, 1] });
  });

  it("refuses a qty the product page would refuse, at Magento's field; nothing is stored", async () => {
    const before = await storedState(db);
    const answer = await api.put("products/SR-TEE-SEED", stockItem({ qty: 2.5 }));
    expect(answer.status).toBe(400);
    expect(rendered(answer)).toBe(`product.extension_attributes.stock_item.qty: ${VALID_INTEGER}`);
    const tooMany = await api.put("products/SR-TEE-SEED/stockItems/1", { stockItem: { qty: 100000000 } });
    expect(rendered(tooMany)).toBe("stockItem.qty: Please enter a value less than or equal to 99999999.");
    expect(await storedState(db)).toEqual(before);
  });
});
