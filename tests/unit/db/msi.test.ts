import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { transaction, type Db } from "@/db/connection";
import { createAdminUser } from "@/db/queries/auth";
import { searchFieldTypes, type SearchFields } from "@/db/queries/search";
import {
  deleteSourceItems,
  getSourceItemConfiguration,
  listSourceItems,
  saveSourceItemConfigurations,
  saveSourceItems,
  SOURCE_ITEM_SEARCH_FIELDS,
} from "@/db/queries/source-items";
import { getSource, isSingleSourceMode, listSources, saveSource, SOURCE_SEARCH_FIELDS, updateSource } from "@/db/queries/sources";
import {
  deleteStock,
  deleteStockSourceLinks,
  getStock,
  getStockSalability,
  listStocks,
  assignedSources,
  saveStock,
  saveStockForm,
  saveStockSourceLinks,
  STOCK_SEARCH_FIELDS,
  updateStock,
} from "@/db/queries/stocks";
import { auditLog, configData, products, salableIndex, sourceItems, stockSalesChannels } from "@/db/schema";
import { isSalableForRequestedQty, salableQty } from "@/lib/inventory";
import { parseSearchCriteria } from "@/lib/validation/search-criteria";
import { refused } from "./refused";
import { tempDb } from "./temp-db";

const ADMIN = { id: 1, username: "admin" };

/** The demo catalog and the admin the writes are audited under. */
async function setup(): Promise<Db> {
  const db = await tempDb();
  await createAdminUser(db, ADMIN.username, "not-a-real-hash");
  return db;
}

function criteria(fields: SearchFields, query: string) {
  const parsed = parseSearchCriteria(new URLSearchParams(query), searchFieldTypes(fields));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.criteria;
}

const source = (code: string, extra: Partial<{ enabled: boolean; name: string }> = {}) => ({
  source_code: code,
  name: extra.name ?? code,
  enabled: extra.enabled ?? true,
  country_id: "US",
  postcode: "10001",
});

/** Two sources in a new stock that sells to Main Website (Magento keeps Default Stock/Source apart). */
async function multiSource(db: Db): Promise<number> {
  await saveSource(db, source("north"), ADMIN);
  await saveSource(db, source("south"), ADMIN);
  const stockId = await saveStock(db, { name: "Retail", extension_attributes: { sales_channels: [{ type: "website", code: "base" }] } }, ADMIN);
  await saveStockSourceLinks(
    db,
    [
      { stock_id: stockId, source_code: "north", priority: 1 },
      { stock_id: stockId, source_code: "south", priority: 2 },
    ],
    ADMIN,
  );
  return stockId;
}

async function salableRow(db: Db, sku: string, stockId: number) {
  const [{ id }] = await db.select({ id: products.id }).from(products).where(eq(products.sku, sku)).limit(1);
  const [row] = await db.select().from(salableIndex).where(and(eq(salableIndex.productId, id), eq(salableIndex.stockId, stockId))).limit(1);
  return row;
}

describe("searchCriteria applied in SQL", () => {
  it("filters in a group are OR-ed, groups AND-ed; sorted and paged with the full count", async () => {
    const db = await setup();
    // (quantity < 10 OR quantity > 100) AND status = 1, by quantity descending, 2 per page.
    const query =
      "searchCriteria[filter_groups][0][filters][0][field]=quantity&searchCriteria[filter_groups][0][filters][0][value]=10&searchCriteria[filter_groups][0][filters][0][condition_type]=lt" +
      "&searchCriteria[filter_groups][0][filters][1][field]=quantity&searchCriteria[filter_groups][0][filters][1][value]=100&searchCriteria[filter_groups][0][filters][1][condition_type]=gt" +
      "&searchCriteria[filter_groups][1][filters][0][field]=status&searchCriteria[filter_groups][1][filters][0][value]=1" +
      "&searchCriteria[sortOrders][0][field]=quantity&searchCriteria[sortOrders][0][direction]=DESC&searchCriteria[pageSize]=2";
    // Demo In Stock items that match: TOTE 120, SOCKS 8, POSTER 6, BOTTLE 3, PEN 1 (MUG 0 and GIFT
    // 0 are Out of Stock; the others hold 10 to 100).
    const page1 = await listSourceItems(db, criteria(SOURCE_ITEM_SEARCH_FIELDS, query));
    expect(page1.total).toBe(5);
    expect(page1.items.map((i) => [i.sku, i.quantity])).toEqual([["SR-TOTE", 120], ["SR-SOCKS", 8]]);
    const page2 = await listSourceItems(db, criteria(SOURCE_ITEM_SEARCH_FIELDS, `${query}&searchCriteria[currentPage]=2`));
    expect(page2.items.map((i) => i.sku)).toEqual(["SR-POSTER-LTD", "SR-BOTTLE-LOW"]);
    const page3 = await listSourceItems(db, criteria(SOURCE_ITEM_SEARCH_FIELDS, `${query}&searchCriteria[currentPage]=3`));
    expect(page3.items.map((i) => i.sku)).toEqual(["SR-PEN"]);
    const page9 = await listSourceItems(db, criteria(SOURCE_ITEM_SEARCH_FIELDS, `${query}&searchCriteria[currentPage]=9`));
    expect(page9).toEqual({ items: [], total: 5 });
  });

  it("like, in, neq and yes/no filters", async () => {
    const db = await setup();
    await saveSource(db, source("north", { name: "North Warehouse" }), ADMIN);
    await saveSource(db, source("closed", { name: "Closed Warehouse", enabled: false }), ADMIN);
    const q = async (s: string) => (await listSources(db, criteria(SOURCE_SEARCH_FIELDS, s))).items.map((r) => r.code);
    const f = "searchCriteria[filter_groups][0][filters][0]";
    expect(await q(`${f}[field]=name&${f}[value]=%25warehouse&${f}[condition_type]=like`)).toEqual(["closed", "north"]);
    expect(await q(`${f}[field]=source_code&${f}[value]=default,north&${f}[condition_type]=in`)).toEqual(["default", "north"]);
    expect(await q(`${f}[field]=source_code&${f}[value]=default&${f}[condition_type]=neq`)).toEqual(["closed", "north"]);
    expect(await q(`${f}[field]=enabled&${f}[value]=0`)).toEqual(["closed"]);
  });

  it("the largest page numbers answer an empty page, not an error", async () => {
    const db = await setup();
    const c = criteria(STOCK_SEARCH_FIELDS, "searchCriteria[pageSize]=2147483647&searchCriteria[currentPage]=2147483647");
    expect(await listStocks(db, c)).toEqual({ items: [], total: 1 });
  });
});

describe("sources", () => {
  it("save creates, then replaces; a patch changes only what it names; every write is audited", async () => {
    const db = await setup();
    expect(await isSingleSourceMode(db)).toBe(true);
    expect(await saveSource(db, { ...source("north"), description: "Dock 4" }, ADMIN)).toEqual({ created: true });
    expect(await isSingleSourceMode(db)).toBe(false);
    expect(await saveSource(db, source("north", { name: "North 2" }), ADMIN)).toEqual({ created: false });
    expect(await getSource(db, "north")).toMatchObject({ name: "North 2", description: null });
    await updateSource(db, "north", { postcode: "99999" }, ADMIN);
    expect(await getSource(db, "north")).toMatchObject({ name: "North 2", postcode: "99999", countryId: "US" });
    expect(await db.select().from(auditLog).where(eq(auditLog.entityType, "source"))).toHaveLength(3);
  });

  it("the default source can not be disabled; an unknown source is not found; the code can not change", async () => {
    const db = await setup();
    expect(await refused(updateSource(db, "default", { enabled: false }, ADMIN))).toMatchObject({
      kind: "invalid",
      message: "Default source can not be disabled.",
      field: "enabled",
    });
    expect((await getSource(db, "default"))!.enabled).toBe(true);
    expect(await refused(updateSource(db, "nowhere", { name: "x" }, ADMIN))).toMatchObject({ kind: "not_found" });
    await saveSource(db, source("north"), ADMIN);
    expect((await refused(updateSource(db, "north", { source_code: "south" }, ADMIN))).field).toBe("source_code");
  });

  it("disabling a source takes its quantity out of salable at once (inventory-rules §2)", async () => {
    const db = await setup();
    const stockId = await multiSource(db);
    await saveSourceItems(
      db,
      [
        { sku: "SR-TEE-SEED", source_code: "north", quantity: 10, status: 1 },
        { sku: "SR-TEE-SEED", source_code: "south", quantity: 4, status: 1 },
      ],
      ADMIN,
    );
    // 10 + 4 − (−50) = 64
    expect(await salableRow(db, "SR-TEE-SEED", stockId)).toMatchObject({ salableQty: 64, isSalable: true });
    await updateSource(db, "north", { enabled: false }, ADMIN);
    // 4 − (−50) = 54
    expect(await salableRow(db, "SR-TEE-SEED", stockId)).toMatchObject({ salableQty: 54 });
  });
});

describe("stocks and sales channels", () => {
  it("a website sells from one stock: assigning moves it, dropping it returns it to Default Stock", async () => {
    const db = await setup();
    const id = await saveStock(db, { name: "Retail", extension_attributes: { sales_channels: [{ type: "website", code: "base" }] } }, ADMIN);
    expect((await getStock(db, 1))!.salesChannels).toEqual([]);
    expect((await getStock(db, id))!.salesChannels).toEqual([{ type: "website", code: "base" }]);
    await updateStock(db, id, { name: "Retail EU" }, ADMIN);
    expect(await getStock(db, id)).toMatchObject({ name: "Retail EU", salesChannels: [{ type: "website", code: "base" }] });
    await updateStock(db, id, { extension_attributes: { sales_channels: [] } }, ADMIN);
    expect(await db.select().from(stockSalesChannels)).toEqual([{ type: "website", code: "base", stockId: 1 }]);
  });

  it("refuses unknown websites, duplicate names, and removing a website from Default Stock; nothing is stored", async () => {
    const db = await setup();
    const unknown = await refused(
      saveStock(db, { name: "X", extension_attributes: { sales_channels: [{ type: "website", code: "mars" }] } }, ADMIN),
    );
    expect(unknown).toMatchObject({ message: 'Website with code "mars" does not exist.', field: "extension_attributes.sales_channels.0.code" });
    expect((await listStocks(db, criteria(STOCK_SEARCH_FIELDS, ""))).total).toBe(1);
    expect((await refused(saveStock(db, { name: "Default Stock" }, ADMIN))).field).toBe("name");
    expect((await refused(updateStock(db, 1, { extension_attributes: { sales_channels: [] } }, ADMIN))).kind).toBe("invalid");
    expect((await getStock(db, 1))!.salesChannels).toHaveLength(1);
    expect((await refused(saveStock(db, { stock_id: 42, name: "Y" }, ADMIN))).field).toBe("stock_id");
  });

  it("Default Stock and stocks with sales channels can not be deleted; others go with their links", async () => {
    const db = await setup();
    expect((await refused(deleteStock(db, 1, ADMIN))).message).toBe("Default Stock could not be deleted.");
    const stockId = await multiSource(db);
    expect((await refused(deleteStock(db, stockId, ADMIN))).message).toBe("Stock has at least one sale channel and could not be deleted.");
    await updateStock(db, stockId, { extension_attributes: { sales_channels: [] } }, ADMIN);
    await saveSourceItems(db, [{ sku: "SR-CAP", source_code: "north", quantity: 3, status: 1 }], ADMIN);
    expect(await salableRow(db, "SR-CAP", stockId)).toBeDefined();
    await deleteStock(db, stockId, ADMIN);
    expect(await getStock(db, stockId)).toBeUndefined();
    expect(await salableRow(db, "SR-CAP", stockId)).toBeUndefined();
    expect((await refused(deleteStock(db, stockId, ADMIN))).kind).toBe("not_found");
  });
});

describe("stock-source links", () => {
  it("Default Stock and the default source keep only each other (Magento); unknown ids are refused", async () => {
    const db = await setup();
    const stockId = await multiSource(db);
    expect((await refused(saveStockSourceLinks(db, [{ stock_id: 1, source_code: "north", priority: 1 }], ADMIN))).message).toBe(
      "Can not save link related to Default Source or Default Stock",
    );
    expect((await refused(saveStockSourceLinks(db, [{ stock_id: stockId, source_code: "default", priority: 1 }], ADMIN))).field).toBe("0");
    expect((await refused(deleteStockSourceLinks(db, [{ stock_id: 1, source_code: "default" }], ADMIN))).message).toBe(
      "Can not delete link related to Default Source or Default Stock",
    );
    expect((await refused(saveStockSourceLinks(db, [{ stock_id: 99, source_code: "north", priority: 1 }], ADMIN))).field).toBe("0.stock_id");
    expect((await refused(saveStockSourceLinks(db, [{ stock_id: stockId, source_code: "nope", priority: 1 }], ADMIN))).field).toBe(
      "0.source_code",
    );
  });

  it("linking and unlinking re-indexes the products the source holds", async () => {
    const db = await setup();
    await saveSource(db, source("north"), ADMIN);
    const stockId = await saveStock(db, { name: "Retail" }, ADMIN);
    await saveSourceItems(db, [{ sku: "SR-CAP", source_code: "north", quantity: 7, status: 1 }], ADMIN);
    expect(await salableRow(db, "SR-CAP", stockId)).toBeUndefined();
    await saveStockSourceLinks(db, [{ stock_id: stockId, source_code: "north", priority: 1 }], ADMIN);
    expect(await salableRow(db, "SR-CAP", stockId)).toMatchObject({ salableQty: 57 });
    await deleteStockSourceLinks(db, [{ stock_id: stockId, source_code: "north" }], ADMIN);
    expect(await salableRow(db, "SR-CAP", stockId)).toBeUndefined();
  });
});

describe("the stock form", () => {
  const form = (name: string, base: boolean, sources: [string, boolean, number?][]) => ({
    name,
    websites: [{ code: "base", selected: base }],
    sources: sources.map(([source_code, assigned, priority]) => ({ source_code, assigned, priority })),
  });

  it("saves name, sales channel and sources together; unticked sources are unlinked", async () => {
    const db = await setup();
    await saveSource(db, source("north"), ADMIN);
    await saveSource(db, source("south"), ADMIN);
    const id = await saveStockForm(db, null, form("Retail", true, [["north", true, 2], ["south", true, 1]]), ADMIN);
    expect((await getStock(db, id))!.salesChannels).toEqual([{ type: "website", code: "base" }]);
    expect((await assignedSources(db, [id])).get(id)!.map((s) => [s.code, s.priority])).toEqual([["south", 1], ["north", 2]]);
    await saveStockForm(db, id, form("Retail", true, [["north", true, 1], ["south", false]]), ADMIN);
    expect((await assignedSources(db, [id])).get(id)!.map((s) => s.code)).toEqual(["north"]);
  });

  it("is one transaction: a refused link leaves the stock unsaved", async () => {
    const db = await setup();
    expect((await refused(saveStockForm(db, null, form("Retail", true, [["default", true, 1]]), ADMIN))).message).toBe(
      "Can not save link related to Default Source or Default Stock",
    );
    expect((await listStocks(db, criteria(STOCK_SEARCH_FIELDS, ""))).total).toBe(1);
    expect((await getStock(db, 1))!.salesChannels).toEqual([{ type: "website", code: "base" }]);
  });

  it("leaves Default Stock's sources alone", async () => {
    const db = await setup();
    await saveStockForm(db, 1, form("Default Stock", true, []), ADMIN);
    expect((await assignedSources(db, [1])).get(1)!.map((s) => s.code)).toEqual(["default"]);
  });
});

describe("source items", () => {
  it("a batch is all or nothing: one unknown SKU and no item of the batch is stored", async () => {
    const db = await setup();
    await multiSource(db);
    const error = await refused(
      saveSourceItems(
        db,
        [
          { sku: "SR-CAP", source_code: "north", quantity: 5, status: 1 },
          { sku: "NOPE", source_code: "north", quantity: 5, status: 1 },
        ],
        ADMIN,
      ),
    );
    expect(error).toMatchObject({ kind: "invalid", message: 'Product with SKU "NOPE" does not exist.', field: "1.sku" });
    expect(await db.select().from(sourceItems).where(eq(sourceItems.sourceCode, "north"))).toEqual([]);
  });

  it("whole quantities only for a product without Qty Uses Decimals (inventory-rules §1.2); decimals for SR-FABRIC-M", async () => {
    const db = await setup();
    await multiSource(db);
    expect(await refused(saveSourceItems(db, [{ sku: "SR-CAP", source_code: "north", quantity: 2.5, status: 1 }], ADMIN))).toMatchObject({
      field: "0.quantity",
      message: "Please enter a valid integer in this field.",
    });
    // Judged as sent, not at the 4 decimals it would be stored with.
    expect(await refused(saveSourceItems(db, [{ sku: "SR-CAP", source_code: "north", quantity: 2.00004, status: 1 }], ADMIN))).toMatchObject({
      field: "0.quantity",
      message: "Please enter a valid integer in this field.",
    });
    await saveSourceItems(db, [{ sku: "SR-FABRIC-M", source_code: "north", quantity: 2.25, status: 1 }], ADMIN);
    expect((await listSourceItems(db, criteria(SOURCE_ITEM_SEARCH_FIELDS, "searchCriteria[filter_groups][0][filters][0][field]=source_code&searchCriteria[filter_groups][0][filters][0][value]=north"))).items).toMatchObject([
      { sku: "SR-FABRIC-M", quantity: 2.25, status: 1 },
    ]);
  });

  it("a quantity may be negative (Magento's MSI fixture: −15 with backorders → salable −15)", async () => {
    const db = await setup();
    const stockId = await multiSource(db);
    // The demo's backorders with the threshold back at 0 (−50 in the demo): salable = physical.
    await transaction(db, async (tx) => {
      await tx.update(configData).set({ value: "0" }).where(eq(configData.path, "cataloginventory/item_options/min_qty"));
    });
    await saveSourceItems(db, [{ sku: "SR-CAP", source_code: "north", quantity: -15, status: 1 }], ADMIN);
    expect(await db.select({ q: sourceItems.quantity }).from(sourceItems).where(eq(sourceItems.sourceCode, "north"))).toEqual([{ q: -15 }]);
    const { effective, snapshot } = await getStockSalability(db, "SR-CAP", stockId);
    expect(salableQty(effective, snapshot)).toBe(-15);
    expect(await salableRow(db, "SR-CAP", stockId)).toMatchObject({ salableQty: -15, isSalable: true });
  });

  it("saving again replaces quantity and status and clears the automatic flag; deleting unassigns", async () => {
    const db = await setup();
    const stockId = await multiSource(db);
    await saveSourceItems(db, [{ sku: "SR-CAP", source_code: "north", quantity: 5, status: 1 }], ADMIN);
    await transaction(db, async (tx) => {
      await tx.update(sourceItems).set({ status: 0, statusAutomatic: true }).where(eq(sourceItems.sourceCode, "north"));
    });
    await saveSourceItems(db, [{ sku: "SR-CAP", source_code: "north", quantity: 9, status: 1 }], ADMIN);
    expect(await db.select().from(sourceItems).where(eq(sourceItems.sourceCode, "north"))).toMatchObject([
      { quantity: 9, status: 1, statusAutomatic: false },
    ]);
    expect(await salableRow(db, "SR-CAP", stockId)).toMatchObject({ salableQty: 59 });
    await deleteSourceItems(db, [{ sku: "SR-CAP", source_code: "north" }, { sku: "SR-CAP", source_code: "south" }], ADMIN);
    expect(await salableRow(db, "SR-CAP", stockId)).toBeUndefined();
    expect((await refused(deleteSourceItems(db, [{ sku: "SR-CAP", source_code: "mars" }], ADMIN))).field).toBe("0.source_code");
  });

  it("Notify Qty per source item: a number or null for Use Default; only for assigned items", async () => {
    const db = await setup();
    await saveSourceItemConfigurations(db, [{ source_code: "default", sku: "SR-CAP", notify_stock_qty: 12 }], ADMIN);
    expect(await getSourceItemConfiguration(db, "default", "SR-CAP")).toEqual({ sourceCode: "default", sku: "SR-CAP", notifyStockQty: 12 });
    await saveSourceItemConfigurations(db, [{ source_code: "default", sku: "SR-CAP", notify_stock_qty: null }], ADMIN);
    expect((await getSourceItemConfiguration(db, "default", "SR-CAP")).notifyStockQty).toBeNull();
    expect(
      await refused(
        saveSourceItemConfigurations(
          db,
          [
            { source_code: "default", sku: "SR-PEN", notify_stock_qty: 3 },
            { source_code: "north", sku: "SR-CAP", notify_stock_qty: 3 },
          ],
          ADMIN,
        ),
      ),
    ).toMatchObject({ kind: "invalid", field: "1" });
    expect((await getSourceItemConfiguration(db, "default", "SR-PEN")).notifyStockQty).toBeNull();
    expect((await refused(getSourceItemConfiguration(db, "north", "SR-CAP"))).kind).toBe("not_found");
  });
});

describe("salability of a SKU on a stock", () => {
  it("uses the Not Available Message of the website selling from the stock (inventory-rules §4)", async () => {
    const db = await setup();
    const stockId = await multiSource(db);
    // SR-FABRIC-M: decimals, backorders off, threshold ignored → salable = physical.
    await saveSourceItems(db, [{ sku: "SR-FABRIC-M", source_code: "north", quantity: 2.25, status: 1 }], ADMIN);
    const before = await getStockSalability(db, "SR-FABRIC-M", stockId);
    expect(salableQty(before.effective, before.snapshot)).toBe(2.25);
    expect(isSalableForRequestedQty(before.effective, before.snapshot, 3, before.notAvailableMessage).at(-1)?.message).toBe(
      "Not enough items for sale",
    );
    await transaction(db, async (tx) => {
      await tx.insert(configData).values({ scope: "websites", scopeId: 1, path: "cataloginventory/options/not_available_message", value: "1" });
    });
    const after = await getStockSalability(db, "SR-FABRIC-M", stockId);
    expect(isSalableForRequestedQty(after.effective, after.snapshot, 3, after.notAvailableMessage).at(-1)?.message).toBe(
      "Only 2.25 of 3 available",
    );
    // Default Stock no longer sells to Main Website: Default Config's "Not enough items for sale".
    expect((await getStockSalability(db, "SR-FABRIC-M", 1)).notAvailableMessage).toBe(2);
  });

  it("an unassigned SKU has an empty snapshot; unknown SKU and stock are not found", async () => {
    const db = await setup();
    const stockId = await multiSource(db);
    expect((await getStockSalability(db, "SR-SOCKS", stockId)).snapshot).toEqual({ sourceItems: [], reserved: 0 });
    expect(await refused(getStockSalability(db, "NOPE", 1))).toMatchObject({ kind: "not_found" });
    expect(await refused(getStockSalability(db, "SR-SOCKS", 77))).toMatchObject({ kind: "not_found", message: 'Stock with id "77" does not exist.' });
  });
});
