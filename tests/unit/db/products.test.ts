import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { transaction, type Db } from "@/db/connection";
import { generateCatalog } from "@/db/generate";
import { resetDatabase } from "@/db/reset";
import { createAdminUser } from "@/db/queries/auth";
import { getProductInventoryState } from "@/db/queries/inventory";
import { PRODUCT_RESERVED, SKU_RESERVED, deleteProduct, saveProduct, type SaveProductInput } from "@/db/queries/product-save";
import { PRODUCT_SEARCH_FIELDS, listProducts } from "@/db/queries/product-search";
import { getNewProductForm, getProductForEdit } from "@/db/queries/product-page";
import { listProductGrid, type ProductGridPage } from "@/db/queries/product-grid";
import { staleMessage } from "@/lib/validation/product-changes";
import { searchFieldTypes } from "@/db/queries/search";
import { seedProduct } from "@/db/seed";
import { auditLog, configData, productInventory, products, reservations, salableIndex, sourceItems, sources, stockSourceLinks } from "@/db/schema";
import { salableQty } from "@/lib/inventory";
import { PRODUCT_NOT_FOUND } from "@/lib/refusal";
import { REQUIRED } from "@/lib/validation/auth";
import { SKU_TAKEN } from "@/lib/validation/product";
import { parseGridParams } from "@/lib/validation/product-grid";
import { parseSearchCriteria } from "@/lib/validation/search-criteria";
import { refused } from "./refused";
import { tempDb } from "./temp-db";

const ADMIN = { id: 1, username: "admin" };
/** The demo catalog plus the admin the audit entries name. */
async function withAdmin() {
  const db = await tempDb();
  await createAdminUser(db, ADMIN.username, "not-a-real-hash");
  return db;
}
const grid = (db: Db, params: Record<string, string> = {}) => listProductGrid(db, parseGridParams(params));
const skus = (page: ProductGridPage) => page.rows.map((r) => r.sku);
async function idOf(db: Db, sku: string) {
  const [row] = await db.select({ id: products.id }).from(products).where(eq(products.sku, sku)).limit(1);
  return row.id;
}

/**
 * The demo catalog's Default Stock figures, by hand (inventory-rules §1.3, §2; Default Config backorders 1,
 * threshold −50): qty + 50 unless the product overrides; the mug is Out of Stock → 0; the poster
 * (backorders off, threshold 2) 6 − 2 = 4; the fabric (backorders off, −50 ignored) 12.5.
 */
const DEMO_BY_SALABLE = [
  "SR-MUG-OOS", // 0
  "SR-POSTER-LTD", // 4
  "SR-FABRIC-M", // 12.5
  "SR-PEN", // 51
  "SR-BOTTLE-LOW", // 53
  "SR-SOCKS", // 58
  "SR-TEE-SEED", // 75
  "SR-NOTEBOOK", // 80
  "SR-CAP", // 90
  "SR-TIES-100", // 150
  "SR-TOTE", // 170
];

describe("listProductGrid", () => {
  it("reads its unfiltered total from the count the triggers keep: equal to count(*) after bulk inserts, deletes and a reset", async () => {
    const db = await tempDb();
    await transaction(db, (tx) => generateCatalog(tx, { products: 250, sources: 1, reservationsPer100: 0, seed: 7 }));
    await transaction(db, async (tx) => {
      await tx.delete(products).where(eq(products.sku, "BENCH-0000001"));
    });
    const counted = async () => (await db.select({ id: products.id }).from(products)).length;
    expect(await counted()).toBe(12 + 249);
    expect((await grid(db)).total).toBe(await counted());
    await resetDatabase(db, "catalog");
    expect((await grid(db)).total).toBe(12);
  });

  it("shows Quantity per Source and Salable Quantity per stock, the seed product at 75 (inventory-rules §2)", async () => {
    const page = await grid(await tempDb());
    expect(page.total).toBe(12);
    expect(page.pages).toBe(1);
    const tee = page.rows.find((r) => r.sku === "SR-TEE-SEED")!;
    expect(tee).toMatchObject({
      name: "Seed Scenario Tee",
      typeId: "simple",
      price: 24,
      enabled: true,
      quantities: [{ source: "Default Source", qty: "25" }],
      salable: [{ stock: "Default Stock", qty: "75" }],
    });
    expect(page.rows.find((r) => r.sku === "SR-GIFT-CARD")!.salable).toEqual([{ stock: "Default Stock", qty: "No manage stock" }]);
    expect(page.rows.find((r) => r.sku === "SR-FABRIC-M")!.salable[0].qty).toBe("12.5");
  });

  it("sorts by Salable Quantity both ways; No manage stock comes last either way", async () => {
    const db = await tempDb();
    expect(skus(await grid(db, { sort: "salable_qty" }))).toEqual([...DEMO_BY_SALABLE, "SR-GIFT-CARD"]);
    expect(skus(await grid(db, { sort: "salable_qty", dir: "desc" }))).toEqual([...DEMO_BY_SALABLE].reverse().concat("SR-GIFT-CARD"));
  });

  it("sorts by the other columns", async () => {
    const db = await tempDb();
    expect(skus(await grid(db, { sort: "price", dir: "desc" })).slice(0, 3)).toEqual(["SR-GIFT-CARD", "SR-POSTER-LTD", "SR-PEN"]);
    expect(skus(await grid(db, { sort: "name" })).slice(0, 2)).toEqual(["SR-PEN", "SR-TIES-100"]);
    expect(skus(await grid(db, { sort: "sku", dir: "desc" }))[0]).toBe("SR-TOTE");
    expect(skus(await grid(db, { sort: "type", dir: "desc" }))[0]).toBe("SR-GIFT-CARD");
    expect(skus(await grid(db, { sort: "status" }))[0]).toBe("SR-NOTEBOOK");
    // Σ quantity over sources: the mug and the gift card hold 0, then the pen 1.
    expect(skus(await grid(db, { sort: "qty" })).slice(0, 3)).toEqual(["SR-MUG-OOS", "SR-GIFT-CARD", "SR-PEN"]);
    expect(skus(await grid(db, { sort: "id", dir: "desc" }))[0]).toBe("SR-PEN");
  });

  it.each<[string, Record<string, string>, string[]]>([
    ["keyword on name (Steel contains tee) and SKU", { q: "tee" }, ["SR-TEE-SEED", "SR-BOTTLE-LOW"]],
    ["keyword on SKU only", { q: "ties-1" }, ["SR-TIES-100"]],
    ["a % in the keyword is a character, not a wildcard", { q: "%" }, []],
    ["salable: no (the mug is Out of Stock, inventory-rules §3)", { salable: "0" }, ["SR-MUG-OOS"]],
    ["salable range 0–10 (No manage stock has no figure)", { salable_from: "0", salable_to: "10" }, ["SR-MUG-OOS", "SR-POSTER-LTD"]],
    ["salable from 100", { salable_from: "100" }, ["SR-TIES-100", "SR-TOTE"]],
    ["type virtual", { type: "virtual" }, ["SR-GIFT-CARD"]],
    ["status disabled", { status: "2" }, ["SR-NOTEBOOK"]],
    ["an explicit id list", { ids: "3,1,999" }, ["SR-TEE-SEED", "SR-GIFT-CARD"]],
    ["filters combine (o: Scenario, Sold, Poster, Ties, Bottle, Socks, Tote, Notebook)", { q: "o", status: "1", salable_to: "60" }, ["SR-MUG-OOS", "SR-POSTER-LTD", "SR-BOTTLE-LOW", "SR-SOCKS"]],
  ])("filters: %s", async (_name, params, expected) => {
    const db = await tempDb();
    const page = await grid(db, params);
    expect(skus(page)).toEqual(expected);
    expect(page.total).toBe(expected.length);
    // The same filters sorted by Salable Quantity find the same products.
    expect(skus(await grid(db, { ...params, sort: "salable_qty" })).sort()).toEqual([...expected].sort());
  });

  it("salable: yes keeps everything salable on Default Stock, No manage stock included", async () => {
    expect((await grid(await tempDb(), { salable: "1" })).total).toBe(11);
  });

  describe("paging a larger catalog", () => {
    async function catalog() {
      const db = await tempDb();
      await transaction(db, (tx) => generateCatalog(tx, { products: 95, sources: 2, reservationsPer100: 150, seed: 7 }));
      // One product sold only from a source outside Default Stock: not assigned there (inventory-rules §2).
      await transaction(db, async (tx) => {
        await tx.insert(sources).values({ code: "eu", name: "EU Warehouse" });
        await seedProduct(tx, { sku: "EU-ONLY", name: "EU Only", price: 1, sourceItems: [{ sourceCode: "eu", quantity: 9, status: 1 }] });
      });
      return db;
    }

    /** The Salable Quantity order from lib/inventory's own figures, product by product. */
    async function expectedSalableOrder(db: Db, dir: "asc" | "desc") {
      const ids = (await db.select({ id: products.id }).from(products)).map((p) => p.id);
      const figured: [number, number][] = [];
      const rest: number[] = [];
      for (const id of ids) {
        const state = (await getProductInventoryState(db, { id }))!;
        const onDefault = state.stocks.find((s) => s.stockId === 1);
        if (state.effective.manageStock.value && onDefault) figured.push([salableQty(state.effective, onDefault.snapshot), id]);
        else rest.push(id);
      }
      const sign = dir === "asc" ? 1 : -1;
      figured.sort((a, b) => sign * (a[0] - b[0] || a[1] - b[1]));
      return [...figured.map(([, id]) => id), ...rest.sort((a, b) => sign * (a - b))];
    }

    it.each<["asc" | "desc"]>([["asc"], ["desc"]])(
      "Next links (keyset) and typed page numbers (offset) walk the same %s order lib/inventory gives",
      async (dir) => {
        const db = await catalog();
        const expected = await expectedSalableOrder(db, dir);
        expect(expected).toHaveLength(108);
        const byOffset: number[] = [];
        for (let page = 1; page <= 6; page++) {
          byOffset.push(...(await grid(db, { sort: "salable_qty", dir, page: String(page) })).rows.map((r) => r.id));
        }
        const byCursor: number[] = [];
        let params: Record<string, string> = { sort: "salable_qty", dir };
        for (let page = 1; ; page++) {
          const result = await grid(db, params);
          expect(result.page).toBe(page);
          expect(result.pages).toBe(6);
          byCursor.push(...result.rows.map((r) => r.id));
          if (!result.nextCursor) break;
          params = { sort: "salable_qty", dir, page: String(page + 1), after: result.nextCursor };
        }
        expect(byOffset).toEqual(expected);
        expect(byCursor).toEqual(expected);
        // The product not assigned to Default Stock sits with the no-figure products at the end.
        expect(expected.slice(-20)).toContain(await idOf(db, "EU-ONLY"));
      },
    );

    it("a Previous link (keyset before) gives the page before", async () => {
      const db = await catalog();
      const p3 = await grid(db, { sort: "salable_qty", page: "3", limit: "20" });
      const p4 = await grid(db, { sort: "salable_qty", page: "4", after: p3.nextCursor! });
      const back = await grid(db, { sort: "salable_qty", page: "3", before: p4.prevCursor! });
      expect(back.page).toBe(3);
      expect(back.rows.map((r) => r.id)).toEqual(p3.rows.map((r) => r.id));
      // From page 2 the page before is the first: no cursor needed, and a stale one is harmless.
      const p2 = await grid(db, { sort: "salable_qty", page: "2" });
      const first = await grid(db, { sort: "salable_qty", page: "2", before: p2.prevCursor! });
      expect(first.page).toBe(1);
      expect(first.rows.map((r) => r.id)).toEqual((await grid(db, { sort: "salable_qty" })).rows.map((r) => r.id));
    });

    it("keyset paging works for plain columns too, and pages hold 20, 50 or 200", async () => {
      const db = await catalog();
      const p1 = await grid(db, { sort: "name", limit: "50" });
      expect(p1.rows).toHaveLength(50);
      expect(p1.pages).toBe(3);
      const p2 = await grid(db, { sort: "name", limit: "50", page: "2", after: p1.nextCursor! });
      const p2ByNumber = await grid(db, { sort: "name", limit: "50", page: "2" });
      expect(p2.rows.map((r) => r.id)).toEqual(p2ByNumber.rows.map((r) => r.id));
      expect((await grid(db, { limit: "200" })).rows).toHaveLength(108);
      expect((await grid(db, { limit: "30" })).rows).toHaveLength(20);
    });

    it("a page past the end shows the last page; a hand-edited cursor falls back to the page number", async () => {
      const db = await catalog();
      const last = await grid(db, { page: "99" });
      expect(last.page).toBe(6);
      expect(last.rows).toHaveLength(8);
      expect(last.nextCursor).toBeNull();
      const bogus = await grid(db, { page: "2", after: "not-a-cursor" });
      expect(bogus.rows.map((r) => r.id)).toEqual((await grid(db, { page: "2" })).rows.map((r) => r.id));
    });

    it("the salable filters follow inventory-rules §2–§3 for a product not assigned to Default Stock", async () => {
      const db = await catalog();
      expect(skus(await grid(db, { q: "EU-ONLY", salable: "0" }))).toEqual(["EU-ONLY"]);
      expect((await grid(db, { q: "EU-ONLY", salable: "1" })).total).toBe(0);
      expect((await grid(db, { q: "EU-ONLY", salable_from: "-1000" })).total).toBe(0);
      expect((await grid(db, { q: "EU-ONLY" })).rows[0]).toMatchObject({ quantities: [{ source: "EU Warehouse", qty: "9" }], salable: [] });
    });
  });
});

describe("getProductForEdit / getNewProductForm", () => {
  it("the seed product: quantity 25, checked fields showing the global values, salable 75", async () => {
    const db = await tempDb();
    const data = (await getProductForEdit(db, { id: await idOf(db, "SR-TEE-SEED") }))!;
    expect(data.values).toMatchObject({ name: "Seed Scenario Tee", sku: "SR-TEE-SEED", price: 24, enabled: true });
    expect(data.values.stockItem).toMatchObject({ qty: 25, isInStock: true, backorders: 1, useConfigBackorders: true, minQty: -50, notifyStockQty: 10 });
    expect(data.salable).toEqual([{ stockId: 1, stockName: "Default Stock", qty: "75" }]);
    expect(data.singleSourceMode).toBe(true);
    expect(data.lock.version).toBe(1);
    expect(data.lock.snapshot).toMatchObject({ Quantity: "25", Backorders: "Use Config Settings", "Stock Status": "In Stock" });
  });

  it("an overriding product keeps its own values", async () => {
    const db = await tempDb();
    const data = (await getProductForEdit(db, { id: await idOf(db, "SR-POSTER-LTD") }))!;
    expect(data.values.stockItem).toMatchObject({ backorders: 0, useConfigBackorders: false, minQty: 2, maxSaleQty: 2 });
    expect(data.salable[0].qty).toBe("4");
    expect(data.lock.snapshot).toMatchObject({ Backorders: "No Backorders", "Out-of-Stock Threshold": "2" });
  });

  it("an unknown product is null; a new product starts on Use Config Settings with the global values", async () => {
    const db = await tempDb();
    expect(await getProductForEdit(db, { id: 999 })).toBeNull();
    const form = await getNewProductForm(db);
    expect(form.values.stockItem).toMatchObject({ useConfigBackorders: true, backorders: 1, minQty: -50, useConfigMinQty: true });
  });
});

describe("saveProduct", () => {
  const teeSave = async (db: Db, stockItem: SaveProductInput["stockItem"], extra: Partial<SaveProductInput> = {}) => {
    const id = await idOf(db, "SR-TEE-SEED");
    return saveProduct(db, { id, product: {}, stockItem, lock: (await getProductForEdit(db, { id }))!.lock, actor: ADMIN, ...extra });
  };
  const teeSalable = async (db: Db) => (await getProductForEdit(db, { id: await idOf(db, "SR-TEE-SEED") }))!.salable[0].qty;
  const gridSalable = async (db: Db) => (await grid(db, { q: "SR-TEE-SEED" })).rows[0].salable[0].qty;

  it("overriding Backorders to No Backorders takes the seed product from 75 to 25; Use Config restores 75", async () => {
    const db = await withAdmin();
    const result = await teeSave(db, { backorders: 0, useConfigBackorders: false });
    expect(result).toMatchObject({ version: 2, created: false, statusReason: null });
    expect(result.changes).toEqual([{ field: "Backorders", from: "Use Config Settings", to: "No Backorders" }]);
    expect(await teeSalable(db)).toBe("25");
    expect(await gridSalable(db)).toBe("25");
    await teeSave(db, { backorders: 1, useConfigBackorders: true });
    expect(await teeSalable(db)).toBe("75");
    expect(await gridSalable(db)).toBe("75");
  });

  it("writes an audit entry with who and what changed, in the same transaction", async () => {
    const db = await withAdmin();
    await teeSave(db, { qty: 30 });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.entityType, "product")).limit(1);
    expect(entry).toMatchObject({ username: "admin", action: "product_saved", entityId: String(await idOf(db, "SR-TEE-SEED")) });
    expect(JSON.parse(entry.details!)).toMatchObject({ version: 2, sku: "SR-TEE-SEED" });
    expect(JSON.parse(entry.changes!)).toEqual([{ field: "qty", label: "Quantity", old: 25, new: 30 }]);
    expect(entry).toMatchObject({ source: "admin", revertOf: null });
  });

  it("a stale save is refused, naming what changed, and nothing is written", async () => {
    const db = await withAdmin();
    const id = await idOf(db, "SR-TEE-SEED");
    const staleLock = (await getProductForEdit(db, { id }))!.lock;
    await teeSave(db, { qty: 30 });
    const audits = (await db.select().from(auditLog)).length;
    const refusal = await refused(saveProduct(db, { id, product: { name: "Renamed" }, stockItem: { qty: 40 }, lock: staleLock, actor: ADMIN }));
    expect(refusal).toMatchObject({ kind: "stale", message: staleMessage([{ field: "Quantity", from: "25", to: "30" }]) });
    expect(refusal.message).toContain("Quantity (25 → 30)");
    const now = (await getProductForEdit(db, { id }))!;
    expect(now.values).toMatchObject({ name: "Seed Scenario Tee", stockItem: { qty: 30 } });
    expect(now.lock.version).toBe(2);
    expect(await db.select().from(auditLog)).toHaveLength(audits);
  });

  it("a quantity changed behind the product's back (a shipment, say) also makes the page stale", async () => {
    const db = await withAdmin();
    const id = await idOf(db, "SR-TEE-SEED");
    const lock = (await getProductForEdit(db, { id }))!.lock;
    await transaction(db, async (tx) => {
      await tx.update(sourceItems).set({ quantity: 20 }).where(eq(sourceItems.sku, "SR-TEE-SEED"));
    });
    const result = saveProduct(db, { id, product: {}, stockItem: { qty: 25 }, lock, actor: ADMIN });
    await expect(result).rejects.toMatchObject({ kind: "stale", message: staleMessage([{ field: "Quantity", from: "25", to: "20" }]) });
  });

  it("a configuration change is not a change to the product: the page is not stale", async () => {
    const db = await withAdmin();
    const id = await idOf(db, "SR-TEE-SEED");
    const lock = (await getProductForEdit(db, { id }))!.lock;
    await transaction(db, async (tx) => {
      await tx.update(configData).set({ value: "2" }).where(eq(configData.path, "cataloginventory/item_options/backorders"));
    });
    await expect(saveProduct(db, { id, product: { name: "Tee" }, lock, actor: ADMIN })).resolves.toMatchObject({ id });
  });

  it("inventory-rules §8: saving at or below the threshold with backorders off sets Out of Stock automatically", async () => {
    const db = await withAdmin();
    const id = await idOf(db, "SR-POSTER-LTD");
    const result = await saveProduct(db, { id, product: {}, stockItem: { qty: 2, isInStock: true }, actor: ADMIN });
    expect(result).toMatchObject({ statusReason: "set Out of Stock automatically: quantity is at or below the threshold" });
    const data = (await getProductForEdit(db, { id }))!;
    expect(data.values.stockItem.isInStock).toBe(false);
    expect(data.statusAutomatic).toBe(true);
    expect(data.salable[0].qty).toBe("0");
  });

  it("a partial stock item (REST PUT) changes only the fields it names", async () => {
    const db = await withAdmin();
    const id = await idOf(db, "SR-TEE-SEED");
    await expect(saveProduct(db, { id, product: {}, stockItem: { maxSaleQty: 3, useConfigMaxSaleQty: false }, actor: null })).resolves.toMatchObject({ id });
    const item = (await getProductForEdit(db, { id }))!.values.stockItem;
    expect(item).toMatchObject({ qty: 25, maxSaleQty: 3, useConfigMaxSaleQty: false, useConfigBackorders: true });
  });

  it("creates a product with its default source item; salable 10 + 50 = 60", async () => {
    const db = await withAdmin();
    const result = await saveProduct(db, {
      product: { sku: "SR-NEW", name: "New Thing", price: 5 },
      stockItem: { ...(await getNewProductForm(db)).values.stockItem, qty: 10, isInStock: true } as SaveProductInput["stockItem"],
      actor: ADMIN,
    });
    expect(result).toMatchObject({ created: true, version: 1 });
    const data = (await getProductForEdit(db, { id: result.id }))!;
    expect(data.sourceItems).toMatchObject([{ sourceCode: "default", quantity: 10, status: 1 }]);
    expect(data.salable[0].qty).toBe("60");
  });

  it("refuses a missing or duplicate SKU at the field, writing nothing", async () => {
    const db = await withAdmin();
    const missing = await refused(saveProduct(db, { product: { name: "X" }, actor: ADMIN }));
    expect(missing.kind).toBe("invalid");
    expect(missing.fieldErrors).toEqual({ sku: REQUIRED, price: REQUIRED });
    await expect(saveProduct(db, { product: { sku: "SR-CAP", name: "X", price: 1 }, actor: ADMIN })).rejects.toMatchObject({
      kind: "invalid",
      field: "sku",
      message: SKU_TAKEN,
    });
    await expect(teeSave(db, {}, { product: { sku: "SR-CAP" } })).rejects.toMatchObject({ kind: "invalid", field: "sku", message: SKU_TAKEN });
    expect(await db.select().from(products)).toHaveLength(12);
    expect((await getProductForEdit(db, { id: await idOf(db, "SR-TEE-SEED") }))!.lock.version).toBe(1);
  });

  it("a SKU with open reservations can't be renamed; without, its source items follow", async () => {
    const db = await withAdmin();
    await transaction(db, async (tx) => {
      await tx
        .insert(reservations)
        .values({ stockId: 1, sku: "SR-TEE-SEED", quantity: -2, metadata: JSON.stringify({ event_type: "order_placed", object_type: "order", object_id: "1" }) });
    });
    await expect(teeSave(db, {}, { product: { sku: "SR-TEE-2" } })).rejects.toMatchObject({ kind: "invalid", field: "sku", message: SKU_RESERVED });
    const cap = await idOf(db, "SR-CAP");
    await expect(saveProduct(db, { id: cap, product: { sku: "SR-CAP-2" }, actor: ADMIN })).resolves.toMatchObject({ id: cap });
    expect((await getProductForEdit(db, { id: cap }))!.sourceItems[0]).toMatchObject({ quantity: 40 });
  });

  it("in multi-source mode quantities live in source items: a stock item qty is not written", async () => {
    const db = await withAdmin();
    await transaction(db, async (tx) => {
      await tx.insert(sources).values({ code: "east", name: "East" });
      await tx.insert(stockSourceLinks).values({ stockId: 1, sourceCode: "east", priority: 2 });
    });
    const id = await idOf(db, "SR-TEE-SEED");
    await expect(
      saveProduct(db, { id, product: {}, stockItem: { qty: 1, backorders: 0, useConfigBackorders: false }, actor: ADMIN }),
    ).resolves.toMatchObject({ id });
    const data = (await getProductForEdit(db, { id }))!;
    expect(data.singleSourceMode).toBe(false);
    expect(data.sourceItems[0].quantity).toBe(25);
    expect(data.salable[0].qty).toBe("25");
  });

  it("an unknown product is not found", async () => {
    await expect(saveProduct(await withAdmin(), { id: 999, product: {}, actor: ADMIN })).rejects.toMatchObject({
      kind: "not_found",
      message: PRODUCT_NOT_FOUND,
    });
  });
});

describe("listProducts (GET /V1/products)", () => {
  const list = async (db: Db, query: string) => {
    const parsed = parseSearchCriteria(new URLSearchParams(query), searchFieldTypes(PRODUCT_SEARCH_FIELDS));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    return listProducts(db, parsed.criteria);
  };
  const f = (i: number, field: string, value: string | number, type = "eq") =>
    `searchCriteria[filter_groups][${i}][filters][0][field]=${field}&searchCriteria[filter_groups][${i}][filters][0][value]=${value}&searchCriteria[filter_groups][${i}][filters][0][condition_type]=${type}`;

  it("answers every product by id without criteria", async () => {
    const { items, total } = await list(await tempDb(), "");
    expect(total).toBe(12);
    expect(items.map((p) => p.id)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it("filters on Magento's status (1 enabled, 2 disabled), type and price; sorts and pages in SQL", async () => {
    const db = await tempDb();
    expect((await list(db, f(0, "status", 2))).items.map((p) => p.sku)).toEqual(["SR-NOTEBOOK"]);
    expect((await list(db, f(0, "status", 1))).total).toBe(11);
    expect((await list(db, f(0, "type_id", "virtual"))).items.map((p) => p.sku)).toEqual(["SR-GIFT-CARD"]);
    // Prices ≥ 24: Tee 24, Gift Card 50, Poster 40, Pen 35; the two dearest first.
    const dear = await list(db, `${f(0, "price", 24, "gteq")}&searchCriteria[sortOrders][0][field]=price&searchCriteria[sortOrders][0][direction]=DESC&searchCriteria[pageSize]=2`);
    expect(dear.total).toBe(4);
    expect(dear.items.map((p) => p.sku)).toEqual(["SR-GIFT-CARD", "SR-POSTER-LTD"]);
    expect((await list(db, `${f(0, "sku", "SR-T%", "like")}&${f(1, "entity_id", 5, "gt")}`)).items.map((p) => p.sku)).toEqual(["SR-TIES-100", "SR-TOTE"]);
  });

  it("compares created_at as Magento writes it (\"YYYY-MM-DD HH:MM:SS\", UTC)", async () => {
    const db = await tempDb();
    await transaction(db, async (tx) => {
      await tx.update(products).set({ createdAt: "2024-05-01T10:20:30.123Z" }).where(eq(products.sku, "SR-PEN"));
    });
    expect((await list(db, f(0, "created_at", "2024-05-01 10:20:30"))).items.map((p) => p.sku)).toEqual(["SR-PEN"]);
    expect((await list(db, f(0, "created_at", "2024-05-02 00:00:00", "lt"))).items.map((p) => p.sku)).toEqual(["SR-PEN"]);
  });
});

describe("deleteProduct", () => {
  it("deletes the product with its settings, source items and index rows, audited", async () => {
    const db = await withAdmin();
    const id = await idOf(db, "SR-CAP");
    await deleteProduct(db, "SR-CAP", ADMIN);
    expect(await getProductForEdit(db, { id })).toBeNull();
    expect(await db.select().from(productInventory).where(eq(productInventory.productId, id))).toEqual([]);
    expect(await db.select().from(sourceItems).where(eq(sourceItems.sku, "SR-CAP"))).toEqual([]);
    expect(await db.select().from(salableIndex).where(eq(salableIndex.productId, id))).toEqual([]);
    const [lastAudit] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(lastAudit).toMatchObject({ action: "product_deleted", entityId: String(id), username: "admin" });
    expect((await grid(db)).total).toBe(11);
  });

  it("refuses an unknown SKU (not found) and a SKU orders still reserve (invalid), deleting nothing", async () => {
    const db = await withAdmin();
    await expect(deleteProduct(db, "NOPE", ADMIN)).rejects.toMatchObject({ kind: "not_found" });
    await transaction(db, async (tx) => {
      await tx
        .insert(reservations)
        .values({ stockId: 1, sku: "SR-TEE-SEED", quantity: -2, metadata: JSON.stringify({ event_type: "order_placed", object_type: "order", object_id: "1" }) });
    });
    await expect(deleteProduct(db, "SR-TEE-SEED", ADMIN)).rejects.toMatchObject({ kind: "invalid", message: PRODUCT_RESERVED });
    expect(await db.select().from(products)).toHaveLength(12);
  });
});
