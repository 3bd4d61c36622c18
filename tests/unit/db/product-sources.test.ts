import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { createAdminUser } from "@/db/queries/auth";
import { listLowStock } from "@/db/queries/low-stock";
import { placeOrder } from "@/db/queries/orders";
import { MODE_CHANGED, saveProduct } from "@/db/queries/product-save";
import { getNewProductForm, getProductForEdit, type ProductEditData } from "@/db/queries/product-page";
import { staleMessage } from "@/lib/validation/product-changes";
import { deleteSourceItems, saveSourceItems } from "@/db/queries/source-items";
import { saveSource } from "@/db/queries/sources";
import { saveStock, saveStockSourceLinks } from "@/db/queries/stocks";
import { auditLog, products, reservationTotals, sourceItems } from "@/db/schema";
import { REQUIRED } from "@/lib/validation/auth";
import { GREATER_OR_EQUAL_MIN_QTY } from "@/lib/validation/fields";
import {
  AT_MOST_MAX_QTY,
  SOURCE_ASSIGNED_TWICE,
  VALID_INTEGER,
  productFormSchema,
  type SourceAssignmentInput,
} from "@/lib/validation/product";
import { fieldErrorsOf } from "@/lib/validation/result";
import { refused } from "./refused";
import { tempDb } from "./temp-db";

// Figures by hand from db/seed.ts and inventory-rules §2: SR-TEE-SEED has 25 at the default source,
// Default Config backorders on, threshold −50, Notify for Quantity Below 10. Default Stock always
// sells from the default source alone: 75. "Retail Stock" links "north" (the default source can't
// be linked elsewhere), so once north holds 10 In Stock its figure is 10 − (−50) = 60.

const ADMIN = { id: 1, username: "admin" };
const SEED = "SR-TEE-SEED";

/** The demo catalog plus a second source ("north"), so multi-source mode is on, sold through Retail Stock. */
async function multiSource(): Promise<Db> {
  const db = await tempDb();
  await createAdminUser(db, ADMIN.username, "not-a-real-hash");
  await saveSource(db, { source_code: "north", name: "North Warehouse", enabled: true, country_id: "US", postcode: "1" }, ADMIN);
  const retail = await saveStock(db, { name: "Retail Stock" }, ADMIN);
  await saveStockSourceLinks(db, [{ stock_id: retail, source_code: "north", priority: 1 }], ADMIN);
  return db;
}

async function teeId(db: Db) {
  const [row] = await db.select({ id: products.id }).from(products).where(eq(products.sku, SEED)).limit(1);
  return row.id;
}
const page = async (db: Db) => (await getProductForEdit(db, { id: await teeId(db) }))!;
const row = (sourceCode: string, patch: Partial<SourceAssignmentInput> = {}): SourceAssignmentInput => ({
  sourceCode,
  isInStock: true,
  qty: "0",
  notifyUseDefault: true,
  notifyStockQty: "10",
  ...patch,
});

/**
 * Save as the product page does: the loaded form with `edit` applied, parsed by the form's schema
 * (what the server action does), then saveProduct with the loaded lock.
 */
async function save(db: Db, edit: (sources: SourceAssignmentInput[]) => SourceAssignmentInput[], loaded?: ProductEditData) {
  loaded ??= await page(db);
  const values = { ...loaded.values, sources: edit(loaded.assignedSources) };
  const { stockItem, sources, ...product } = productFormSchema.parse(values);
  return saveProduct(db, { id: loaded.id, product, stockItem, sources, lock: loaded.lock, actor: ADMIN });
}

const stored = (db: Db) =>
  db
    .select({ code: sourceItems.sourceCode, qty: sourceItems.quantity, status: sourceItems.status, notify: sourceItems.notifyStockQty })
    .from(sourceItems)
    .where(eq(sourceItems.sku, SEED))
    .orderBy(sourceItems.sourceCode);
const salable = async (db: Db) => (await page(db)).salable.map((s) => `${s.stockName}: ${s.qty}`);

describe("the product page's assigned sources (multi-source mode)", () => {
  it("loads the default source as a row with Use Default showing the effective Notify Qty, and every source to assign", async () => {
    const db = await multiSource();
    const data = await page(db);
    expect(data.singleSourceMode).toBe(false);
    expect(data.assignedSources).toEqual([
      { sourceCode: "default", isInStock: true, qty: 25, notifyUseDefault: true, notifyStockQty: 10 },
    ]);
    expect(data.sources).toEqual([
      { code: "default", name: "Default Source", enabled: true },
      { code: "north", name: "North Warehouse", enabled: true },
    ]);
    expect(await salable(db)).toEqual(["Default Stock: 75"]);
  });

  it("a new product starts with the default source assigned: Qty 0, In Stock, Use Default; single-source mode has no rows", async () => {
    expect((await getNewProductForm(await multiSource())).assignedSources).toEqual([
      { sourceCode: "default", isInStock: true, qty: 0, notifyUseDefault: true, notifyStockQty: 10 },
    ]);
    expect(await getNewProductForm(await tempDb())).toMatchObject({ assignedSources: [], sources: [] });
  });

  it("assigning north with Qty 10 stores it In Stock with Use Default; Retail Stock 60, Default Stock stays 75", async () => {
    const db = await multiSource();
    const result = await save(db, (rows) => [...rows, row("north", { qty: "10" })]);
    expect(result).toMatchObject({ version: 2 });
    expect(result.changes).toEqual([
      { field: "Source north", from: "Not assigned", to: "Qty 10, In Stock, Notify Qty Use Default" },
    ]);
    expect(await stored(db)).toEqual([
      { code: "default", qty: 25, status: 1, notify: null },
      { code: "north", qty: 10, status: 1, notify: null },
    ]);
    expect(await salable(db)).toEqual(["Default Stock: 75", "Retail Stock: 60"]);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "product_saved")).limit(1);
    // The audit lists the same change field by field, as the Action Log shows it.
    expect(JSON.parse(audit.changes!)).toEqual([
      { field: "source:north", label: "Source north", old: "Not assigned", new: "Qty 10, In Stock, Notify Qty Use Default" },
    ]);
  });

  it("changes qty, status and Notify Qty per source; the Low Stock report follows (inventory-rules §9)", async () => {
    const db = await multiSource();
    await save(db, (rows) => [...rows, row("north", { qty: "10", notifyUseDefault: false, notifyStockQty: "40" })]);
    // 10 < 40, In Stock, enabled source → listed; the default source's 25 is not below 10.
    expect((await listLowStock(db, { limit: 50 })).filter((r) => r.sku === SEED).map((r) => [r.sourceCode, r.quantity])).toEqual([["north", 10]]);

    const result = await save(db, (rows) => rows.map((r) => (r.sourceCode === "north" ? { ...r, qty: "4", isInStock: false } : r)));
    expect(result.changes).toEqual([
      { field: "Source north", from: "Qty 10, In Stock, Notify Qty 40", to: "Qty 4, Out of Stock, Notify Qty 40" },
    ]);
    // Out of Stock: Retail Stock has no In Stock source item, so it is not salable there (inventory-rules §3),
    // and north leaves the report.
    expect(await salable(db)).toEqual(["Default Stock: 75", "Retail Stock: 0"]);
    expect((await listLowStock(db, { limit: 50 })).some((r) => r.sku === SEED)).toBe(false);

    await save(db, (rows) => rows.map((r) => (r.sourceCode === "north" ? { ...r, notifyUseDefault: true } : r)));
    expect((await stored(db)).find((r) => r.code === "north")).toEqual({ code: "north", qty: 4, status: 0, notify: null });
  });

  it("unassigning north deletes its source item: Retail Stock gone, reservations of open orders untouched", async () => {
    const db = await multiSource();
    await save(db, (rows) => [...rows, row("north", { qty: "10" })]);
    await placeOrder(db, { storeCode: "default", items: [{ sku: SEED, qty: 5 }] });
    const reserved = () => db.select().from(reservationTotals).where(eq(reservationTotals.sku, SEED));
    const before = await reserved();

    const result = await save(db, (rows) => rows.filter((r) => r.sourceCode !== "north"));
    expect(result.changes).toEqual([
      { field: "Source north", from: "Qty 10, In Stock, Notify Qty Use Default", to: "Not assigned" },
    ]);
    expect((await stored(db)).map((r) => r.code)).toEqual(["default"]);
    expect(await reserved()).toEqual(before);
    // Default Stock: 75 − 5 ordered = 70; no longer assigned to Retail Stock.
    expect(await salable(db)).toEqual(["Default Stock: 70"]);
  });

  it("a source item changed behind the page's back (REST) makes the save stale, naming it; nothing is written", async () => {
    const db = await multiSource();
    await save(db, (rows) => [...rows, row("north", { qty: "10" })]);
    const loaded = await page(db);
    await saveSourceItems(db, [{ sku: SEED, source_code: "north", quantity: 7, status: 1 }], ADMIN);
    const audits = (await db.select().from(auditLog)).length;

    const refusal = await refused(save(db, (rows) => rows.map((r) => ({ ...r, qty: "30" })), loaded));
    expect(refusal).toMatchObject({
      kind: "stale",
      message: staleMessage([
        { field: "Source north", from: "Qty 10, In Stock, Notify Qty Use Default", to: "Qty 7, In Stock, Notify Qty Use Default" },
      ]),
    });
    expect(refusal.message).toContain("Source north (Qty 10, In Stock, Notify Qty Use Default → Qty 7");
    expect((await stored(db)).map((r) => r.qty)).toEqual([25, 7]);
    expect(await db.select().from(auditLog)).toHaveLength(audits);

    // An unassignment behind its back reads "Not assigned".
    const again = await page(db);
    await deleteSourceItems(db, [{ sku: SEED, source_code: "north" }], ADMIN);
    await expect(save(db, (rows) => rows, again)).rejects.toMatchObject({
      kind: "stale",
      message: staleMessage([{ field: "Source north", from: "Qty 7, In Stock, Notify Qty Use Default", to: "Not assigned" }]),
    });
  });

  it("an unknown source code is refused at its row and nothing is half-written", async () => {
    const db = await multiSource();
    const loaded = await page(db);
    const { stockItem, sources, ...product } = productFormSchema.parse({
      ...loaded.values,
      name: "Renamed",
      sources: [row("default", { qty: "1" }), row("ghost", { qty: "3" })],
    });
    const refusal = await refused(saveProduct(db, { id: loaded.id, product, stockItem, sources, lock: loaded.lock, actor: ADMIN }));
    expect(refusal.kind).toBe("invalid");
    expect(refusal.fieldErrors).toEqual({ "sources.1.sourceCode": 'Source with code "ghost" does not exist.' });
    expect((await page(db)).values.name).toBe("Seed Scenario Tee");
    expect((await page(db)).lock.version).toBe(1);
    expect(await stored(db)).toEqual([{ code: "default", qty: 25, status: 1, notify: null }]);
    expect(await db.select().from(auditLog).where(eq(auditLog.entityType, "product"))).toHaveLength(0);
  });

  it("sources sent after the page's mode changed to single-source are refused", async () => {
    const db = await tempDb();
    const id = await teeId(db);
    const loaded = (await getProductForEdit(db, { id }))!;
    const result = saveProduct(db, {
      id,
      product: {},
      sources: [{ sourceCode: "default", isInStock: true, qty: 3, notifyUseDefault: true, notifyStockQty: null }],
      lock: loaded.lock,
      actor: null,
    });
    await expect(result).rejects.toMatchObject({ kind: "stale", message: MODE_CHANGED });
    expect((await stored(db))[0].qty).toBe(25);
  });
});

describe("productFormSchema: assigned sources (the stock item's rules and messages)", () => {
  const errorsOf = async (sources: SourceAssignmentInput[], isQtyDecimal = false) => {
    const data = await page(await multiSource());
    const parsed = productFormSchema.safeParse({ ...data.values, stockItem: { ...data.values.stockItem, isQtyDecimal }, sources });
    return parsed.success ? {} : fieldErrorsOf(parsed.error);
  };

  it.each<[string, SourceAssignmentInput, Record<string, string>]>([
    ["Qty 1.5 on a whole-number product", row("north", { qty: "1.5" }), { "sources.0.qty": VALID_INTEGER }],
    ["Qty above 99999999", row("north", { qty: "100000000" }), { "sources.0.qty": AT_MOST_MAX_QTY }],
    ["Qty −15: a source item may be negative, as over REST", row("north", { qty: "-15" }), {}],
    ["Qty below −99999999", row("north", { qty: "-100000000" }), { "sources.0.qty": GREATER_OR_EQUAL_MIN_QTY }],
    ["Qty empty is required, never a silent 0", row("north", { qty: "" }), { "sources.0.qty": REQUIRED }],
    ["own Notify Qty empty", row("north", { notifyUseDefault: false, notifyStockQty: "" }), { "sources.0.notifyStockQty": REQUIRED }],
    ["own Notify Qty above 99999999", row("north", { notifyUseDefault: false, notifyStockQty: "100000000" }), { "sources.0.notifyStockQty": AT_MOST_MAX_QTY }],
    ["Use Default ignores the disabled box", row("north", { notifyStockQty: "abc" }), {}],
  ])("%s", async (_name, source, errors) => {
    expect(await errorsOf([source])).toEqual(errors);
  });

  it("Qty 1.5 is fine when Qty Uses Decimals is Yes; a source assigned twice is refused", async () => {
    expect(await errorsOf([row("north", { qty: "1.5" })], true)).toEqual({});
    expect(await errorsOf([row("north"), row("north")])).toEqual({ "sources.1.sourceCode": SOURCE_ASSIGNED_TWICE });
  });

  it("Use Default stores null; an own Notify Qty its number", async () => {
    const parsed = productFormSchema.parse({
      ...(await page(await multiSource())).values,
      sources: [row("default", { qty: "25" }), row("north", { notifyUseDefault: false, notifyStockQty: "40" })],
    });
    expect(parsed.sources).toEqual([
      { sourceCode: "default", isInStock: true, qty: 25, notifyUseDefault: true, notifyStockQty: null },
      { sourceCode: "north", isInStock: true, qty: 0, notifyUseDefault: false, notifyStockQty: 40 },
    ]);
    // The browser sends the resolver's parsed values; the server action parses them again.
    expect(productFormSchema.parse(parsed)).toEqual(parsed);
  });
});
