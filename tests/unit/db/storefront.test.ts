import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { transaction, type Db } from "@/db/connection";
import { refreshInventoryIndex } from "@/db/queries/inventory-index";
import { countLowStock, listLowStock } from "@/db/queries/low-stock";
import { getSellDownPlace, getStoreContext, getStorefrontProduct, listStorefrontProducts } from "@/db/queries/storefront";
import { configData, sourceItems, stockSourceLinks, stores } from "@/db/schema";
import { storefrontLabels } from "@/lib/inventory";
import { tempDb } from "./temp-db";

async function setConfig(db: Db, scope: "default" | "websites" | "stores", scopeId: number, path: string, value: string) {
  await transaction(db, async (tx) => {
    await tx.insert(configData).values({ scope, scopeId, path, value });
    await refreshInventoryIndex(tx, "all");
  });
}

const ALL = { limit: 100, offset: 0 };

describe("storefront queries (inventory-rules §6)", () => {
  it("resolves a store view's configuration: Only X left 5 from Main Website, availability per store view", async () => {
    const db = await tempDb();
    const ctx = (await getStoreContext(db, "default"))!;
    expect(ctx).toMatchObject({ store: { id: 1, websiteId: 1, name: "Default Store View" }, stockId: 1 });
    expect(ctx.config.values.stockThresholdQty).toBe(5);
    expect(ctx.config.values.displayProductStockStatus).toBe(true);
    await setConfig(db, "stores", 1, "cataloginventory/options/display_product_stock_status", "0");
    expect((await getStoreContext(db, "default"))!.config.values.displayProductStockStatus).toBe(false);
    expect(await getStoreContext(db, "nope")).toBeNull();
    await transaction(db, async (tx) => {
      await tx.update(stores).set({ isActive: false }).where(eq(stores.id, 1));
    });
    expect(await getStoreContext(db, "default")).toBeNull();
  });

  it("inventory-rules §6: the listing hides what is not salable (and disabled products) unless Display Out of Stock Products = Yes", async () => {
    const db = await tempDb();
    const ctx = (await getStoreContext(db, "default"))!;
    const listed = await listStorefrontProducts(db, ctx, ALL);
    // 12 demo products, the Sold Out Mug is not salable and the Dot Grid Notebook is disabled.
    expect(listed.total).toBe(10);
    expect(listed.products.map((p) => p.sku)).not.toContain("SR-MUG-OOS");
    expect(listed.products.map((p) => p.sku)).not.toContain("SR-NOTEBOOK");
    // Sorted by name, paged in SQL.
    expect((await listStorefrontProducts(db, ctx, { limit: 2, offset: 0 })).products.map((p) => p.name)).toEqual([
      "Brass Pen",
      "Cable Ties (box)",
    ]);
    await setConfig(db, "default", 0, "cataloginventory/options/show_out_of_stock", "1");
    const all = await listStorefrontProducts(db, (await getStoreContext(db, "default"))!, ALL);
    expect(all.total).toBe(11);
    const mug = all.products.find((p) => p.sku === "SR-MUG-OOS")!;
    expect(storefrontLabels({ eff: mug.eff, snap: mug.snap, onlyXLeftThreshold: 5, displayStockStatus: true }).stockLabel).toBe(
      "Out of stock",
    );
  });

  it("the product page: effective settings, the stock snapshot and Notify for Quantity Below of its source item", async () => {
    const db = await tempDb();
    const ctx = (await getStoreContext(db, "default"))!;
    const tee = (await getStorefrontProduct(db, ctx, "SR-TEE-SEED"))!;
    expect(tee.eff.effectiveMinQty).toBe(-50);
    expect(tee.snap.sourceItems).toMatchObject([{ sourceCode: "default", quantity: 25, status: 1 }]);
    expect(tee.notifyQty).toBe(10);
    // The poster's own Notify for Quantity Below (5), then a source item's own value (2) wins.
    expect((await getStorefrontProduct(db, ctx, "SR-POSTER-LTD"))!.notifyQty).toBe(5);
    await transaction(db, async (tx) => {
      await tx.update(sourceItems).set({ notifyStockQty: 2 }).where(eq(sourceItems.sku, "SR-POSTER-LTD"));
    });
    expect((await getStorefrontProduct(db, ctx, "SR-POSTER-LTD"))!.notifyQty).toBe(2);
    expect(await getStorefrontProduct(db, ctx, "NO-SUCH-SKU")).toBeNull();
  });
});

describe("getSellDownPlace (the product page's chart)", () => {
  it("the SKU in the store view's stock, with its website's Only X left and its own availability display", async () => {
    const db = await tempDb();
    expect(await getSellDownPlace(db, "SR-TEE-SEED", "default")).toEqual({
      storeName: "Default Store View",
      stockName: "Default Stock",
      snap: { sourceItems: [{ sourceCode: "default", quantity: 25, status: 1, sourceEnabled: true }], reserved: 0 },
      onlyXLeftThreshold: 5,
      displayStockStatus: true,
      ownNotifyQty: null,
    });
    await transaction(db, async (tx) => {
      await tx.update(sourceItems).set({ notifyStockQty: 3 }).where(eq(sourceItems.sku, "SR-TEE-SEED"));
    });
    await setConfig(db, "stores", 1, "cataloginventory/options/display_product_stock_status", "0");
    expect(await getSellDownPlace(db, "SR-TEE-SEED", "default")).toMatchObject({ displayStockStatus: false, ownNotifyQty: 3 });
    expect(await getSellDownPlace(db, "SR-TEE-SEED", "nope")).toBeNull();
  });

  it("inventory-rules §2: a SKU with no source item linked to the stock is not assigned", async () => {
    const db = await tempDb();
    await transaction(db, async (tx) => {
      await tx.delete(stockSourceLinks);
    });
    expect(await getSellDownPlace(db, "SR-TEE-SEED", "default")).toMatchObject({
      stockName: "Default Stock",
      snap: { sourceItems: [], reserved: 0 },
      ownNotifyQty: null,
    });
  });
});

describe("Low Stock report pages (inventory-rules §9)", () => {
  it("lists exactly Brass Pen 1, Steel Water Bottle 3, Wool Socks 8, by quantity; keyset pages agree with offset pages", async () => {
    const db = await tempDb();
    // Worked out by hand from db/seed.ts: notify 10 at Default Config, In Stock, 0 < qty < 10;
    // the poster (6) has its own notify 5; the gift card does not manage stock; the mug is Out of Stock.
    const rows = (await listLowStock(db, ALL)).map((r) => [r.productName, r.sku, r.quantity, r.sourceCode]);
    expect(rows).toEqual([
      ["Brass Pen", "SR-PEN", 1, "default"],
      ["Steel Water Bottle", "SR-BOTTLE-LOW", 3, "default"],
      ["Wool Socks", "SR-SOCKS", 8, "default"],
    ]);
    expect(await countLowStock(db)).toBe(3);
    expect((await listLowStock(db, { limit: 2, offset: 1 })).map((r) => r.sku)).toEqual(["SR-BOTTLE-LOW", "SR-SOCKS"]);
    expect((await listLowStock(db, { limit: 5, after: { quantity: 1, sku: "SR-PEN", sourceCode: "default" } })).map((r) => r.sku)).toEqual([
      "SR-BOTTLE-LOW",
      "SR-SOCKS",
    ]);
  });
});
