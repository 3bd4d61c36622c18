import { and, count, eq, inArray } from "drizzle-orm";
import { round4 } from "@/lib/inventory/quantity";
import { INTEGER } from "@/lib/validation/fields";
import type {
  BulkSourceAssignInput,
  BulkTransferInput,
  SourceItemConfigurationInput,
  SourceItemInput,
  SourceItemKey,
} from "@/lib/validation/msi";
import type { SearchCriteria } from "@/lib/validation/search-criteria";
import { transaction, upsertRows, type Conn } from "../connection";
import { productInventory, products, sourceItems } from "../schema";
import { writeAudit, type AuditEntry } from "./audit";
import { invalid, notFound, Refusal, renderPhrase } from "@/lib/refusal";
import { refreshInventoryIndex } from "./inventory-index";
import { sqlSearch, type SearchFields } from "./search";
import { missingSourceCodes } from "./sources";

type Actor = AuditEntry["actor"];

export type SourceItemRow = typeof sourceItems.$inferSelect;

export const SOURCE_ITEM_SEARCH_FIELDS: SearchFields = {
  sku: { column: sourceItems.sku, type: "text" },
  source_code: { column: sourceItems.sourceCode, type: "text" },
  quantity: { column: sourceItems.quantity, type: "number" },
  status: { column: sourceItems.status, type: "number" },
};

export async function listSourceItems(db: Conn, criteria: SearchCriteria): Promise<{ items: SourceItemRow[]; total: number }> {
  const search = sqlSearch(SOURCE_ITEM_SEARCH_FIELDS, criteria, [sourceItems.id]);
  const [{ n: total }] = await db.select({ n: count() }).from(sourceItems).where(search.where);
  const query = db.select().from(sourceItems).where(search.where).orderBy(...search.orderBy).$dynamic();
  const items = await (search.limit === undefined ? query : query.limit(search.limit).offset(search.offset!));
  return { items, total };
}

const CHUNK = 500;

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

interface ProductRef {
  id: number;
  isQtyDecimal: boolean;
}

/** The products holding these SKUs, by SKU: their id and whether they take decimal quantities. */
export async function productsBySku(db: Conn, skus: readonly string[]): Promise<Map<string, ProductRef>> {
  const found = new Map<string, ProductRef>();
  for (const part of chunks([...new Set(skus)])) {
    const rows = await db
      .select({ sku: products.sku, id: products.id, isQtyDecimal: productInventory.isQtyDecimal })
      .from(products)
      .innerJoin(productInventory, eq(productInventory.productId, products.id))
      .where(inArray(products.sku, part));
    for (const row of rows) found.set(row.sku, { id: row.id, isQtyDecimal: row.isQtyDecimal });
  }
  return found;
}

export const UNKNOWN_PRODUCT = 'Product with SKU "%sku" does not exist.';

/** Every SKU and source code must exist: the first unknown one is refused with its position. */
async function checkKeys(db: Conn, items: readonly SourceItemKey[]): Promise<Map<string, ProductRef>> {
  const known = await productsBySku(db, items.map((i) => i.sku));
  const missingSources = new Set(await missingSourceCodes(db, items.map((i) => i.source_code)));
  items.forEach((item, i) => {
    if (!known.has(item.sku)) throw invalid(UNKNOWN_PRODUCT, { sku: item.sku }, `${i}.sku`);
    if (missingSources.has(item.source_code)) {
      throw invalid('Source with code "%value" does not exist.', { value: item.source_code }, `${i}.source_code`);
    }
  });
  return known;
}

/**
 * Assigns SKUs to sources with a quantity and status (Magento's SourceItemsSave), creating or
 * replacing each (sku, source) item, then re-indexes those products; all or nothing. A status
 * sent here is the merchant's own, so it is no longer "switched automatically" (inventory-rules §8).
 */
export async function saveSourceItems(db: Conn, items: readonly SourceItemInput[], actor: Actor): Promise<void> {
  await transaction(db, async (tx) => {
      const known = await checkKeys(tx, items);
      items.forEach((item, i) => {
        // A product without Qty Uses Decimals takes whole quantities only (inventory-rules §1.2), judged on
        // the quantity as sent: 2.00004 is not whole, though it is stored at 4 decimals.
        if (!known.get(item.sku)!.isQtyDecimal && !Number.isInteger(item.quantity)) {
          throw invalid(INTEGER, {}, `${i}.quantity`);
        }
      });
      // One row per (sku, source), the last one sent winning as when each was saved in turn:
      // PostgreSQL refuses a statement that upserts the same row twice.
      const bySkuAndSource = new Map(items.map((item) => [JSON.stringify([item.sku, item.source_code]), item]));
      const rows = [...bySkuAndSource.values()].map((item) => ({
        sku: item.sku,
        sourceCode: item.source_code,
        quantity: round4(item.quantity),
        status: item.status,
        statusAutomatic: false,
      }));
      await upsertRows(tx, sourceItems, ["sku", "sourceCode"], rows);
      await refreshInventoryIndex(tx, [...new Set(items.map((i) => known.get(i.sku)!.id))]);
      await writeAudit(tx, { actor, action: "save", entityType: "source_item", skus: items.map((i) => i.sku), details: items });
    },
  );
}

/** Unassigns SKUs from sources; pairs that were not assigned are left as they are. */
export async function deleteSourceItems(db: Conn, items: readonly SourceItemKey[], actor: Actor): Promise<void> {
  await transaction(db, async (tx) => {
      const known = await checkKeys(tx, items);
      for (const item of items) {
        await tx.delete(sourceItems).where(and(eq(sourceItems.sku, item.sku), eq(sourceItems.sourceCode, item.source_code)));
      }
      await refreshInventoryIndex(tx, [...new Set(items.map((i) => known.get(i.sku)!.id))]);
      await writeAudit(tx, { actor, action: "delete", entityType: "source_item", skus: items.map((i) => i.sku), details: items });
    },
  );
}

// ── Magento's bulk calls (InventoryCatalogApi): every SKU with every source, all or nothing ──

/** One input a bulk call names: its dotted place in the body and the phrase refusing it. */
interface BulkKey {
  path: string;
  code: string;
  /** Magento's message for a source that does not exist ("Source %sourceCode does not exist"). */
  phrase: string;
}

const UNKNOWN_SOURCE = "Source %sourceCode does not exist";

/** The source codes of an assign or unassign, each at its place in the body. */
const sourceCodeKeys = (codes: readonly string[]): BulkKey[] =>
  codes.map((code, i) => ({ path: `sourceCodes.${i}`, code, phrase: UNKNOWN_SOURCE }));

/**
 * Every SKU and source a bulk call names must exist; otherwise one 400 lists each unknown one at
 * its place in the body ("skus.2"), as Magento's validators list every problem, and nothing is written.
 */
async function checkBulkKeys(tx: Conn, skus: readonly string[], sourceKeys: readonly BulkKey[]): Promise<Map<string, ProductRef>> {
  const known = await productsBySku(tx, skus);
  const missingSources = new Set(await missingSourceCodes(tx, sourceKeys.map((key) => key.code)));
  const fieldErrors: Record<string, string> = {};
  skus.forEach((sku, i) => {
    if (!known.has(sku)) fieldErrors[`skus.${i}`] = renderPhrase(UNKNOWN_PRODUCT, { sku });
  });
  for (const key of sourceKeys) {
    if (missingSources.has(key.code)) fieldErrors[key.path] = renderPhrase(key.phrase, { sourceCode: key.code });
  }
  const messages = Object.values(fieldErrors);
  if (messages.length > 0) throw new Refusal("invalid", messages[0], { fieldErrors });
  return known;
}

/** The source items of these SKUs in these sources, keyed by [sku, source]. */
async function itemsIn(tx: Conn, skus: readonly string[], codes: readonly string[]): Promise<Map<string, SourceItemRow>> {
  const found = new Map<string, SourceItemRow>();
  for (const part of chunks([...new Set(skus)])) {
    const rows = await tx
      .select()
      .from(sourceItems)
      .where(and(inArray(sourceItems.sku, part), inArray(sourceItems.sourceCode, [...codes])));
    for (const row of rows) found.set(pairKey(row.sku, row.sourceCode), row);
  }
  return found;
}

const pairKey = (sku: string, sourceCode: string) => JSON.stringify([sku, sourceCode]);
const productIds = (known: Map<string, ProductRef>) => [...new Set([...known.values()].map((p) => p.id))];

/**
 * Magento's BulkSourceAssign: assigns every SKU to every source that does not hold it yet, with
 * quantity 0, Out of Stock (Magento's values); items already there stay as they are. Answers the
 * number of new assignments.
 */
export async function bulkAssignSources(db: Conn, input: BulkSourceAssignInput, actor: Actor): Promise<number> {
  return transaction(db, async (tx) => {
    const known = await checkBulkKeys(tx, input.skus, sourceCodeKeys(input.sourceCodes));
    const codes = [...new Set(input.sourceCodes)];
    const existing = await itemsIn(tx, input.skus, codes);
    const rows = [...new Set(input.skus)].flatMap((sku) =>
      codes
        .filter((sourceCode) => !existing.has(pairKey(sku, sourceCode)))
        .map((sourceCode) => ({ sku, sourceCode, quantity: 0, status: 0, statusAutomatic: false })),
    );
    await upsertRows(tx, sourceItems, ["sku", "sourceCode"], rows);
    await refreshInventoryIndex(tx, productIds(known));
    await writeAudit(tx, { actor, action: "bulk_assign", entityType: "source_item", skus: input.skus, details: { ...input, assigned: rows.length } });
    return rows.length;
  });
}

/** Magento's BulkSourceUnassign: removes every SKU from every source named. Answers how many items went. */
export async function bulkUnassignSources(db: Conn, input: BulkSourceAssignInput, actor: Actor): Promise<number> {
  return transaction(db, async (tx) => {
    const known = await checkBulkKeys(tx, input.skus, sourceCodeKeys(input.sourceCodes));
    const codes = [...new Set(input.sourceCodes)];
    let removed = 0;
    for (const part of chunks([...new Set(input.skus)])) {
      const gone = await tx
        .delete(sourceItems)
        .where(and(inArray(sourceItems.sku, part), inArray(sourceItems.sourceCode, codes)))
        .returning({ id: sourceItems.id });
      removed += gone.length;
    }
    // Reservations are per stock: unassigning never touches them.
    await refreshInventoryIndex(tx, productIds(known));
    await writeAudit(tx, { actor, action: "bulk_unassign", entityType: "source_item", skus: input.skus, details: { ...input, unassigned: removed } });
    return removed;
  });
}

/**
 * Magento's BulkInventoryTransfer: each SKU's quantity at the origin is added to the destination
 * (assigned there when needed, with the origin's status), then the origin is unassigned or left
 * at 0, Out of Stock. A SKU the origin does not hold keeps its destination item as it is.
 */
export async function bulkTransferInventory(db: Conn, input: BulkTransferInput, actor: Actor): Promise<void> {
  await transaction(db, async (tx) => {
    const { originSource: origin, destinationSource: destination } = input;
    const known = await checkBulkKeys(tx, input.skus, [
      { path: "originSource", code: origin, phrase: "Origin source %sourceCode does not exist" },
      { path: "destinationSource", code: destination, phrase: "Destination source %sourceCode does not exist" },
    ]);
    const skus = [...new Set(input.skus)];
    const items = await itemsIn(tx, skus, [origin, destination]);
    const rows = skus.flatMap((sku) => {
      const from = items.get(pairKey(sku, origin));
      const to = items.get(pairKey(sku, destination));
      if (!from && to) return [];
      const quantity = round4((from?.quantity ?? 0) + (to?.quantity ?? 0));
      return [{ sku, sourceCode: destination, quantity, status: from?.status ?? 0, statusAutomatic: false }];
    });
    await upsertRows(tx, sourceItems, ["sku", "sourceCode"], rows);
    for (const part of chunks(skus)) {
      const atOrigin = and(eq(sourceItems.sourceCode, origin), inArray(sourceItems.sku, part));
      if (input.unassignFromOrigin) await tx.delete(sourceItems).where(atOrigin);
      else await tx.update(sourceItems).set({ quantity: 0, status: 0, statusAutomatic: false }).where(atOrigin);
    }
    await refreshInventoryIndex(tx, productIds(known));
    await writeAudit(tx, { actor, action: "bulk_transfer", entityType: "source_item", skus: input.skus, details: input });
  });
}

// ── Notify for Quantity Below per source item (inventory-rules §9) ──

export interface SourceItemConfiguration {
  sourceCode: string;
  sku: string;
  /** null = "Use Default" (the product's effective Notify for Quantity Below). */
  notifyStockQty: number | null;
}

const sourceItemNotFound = (sourceCode: string, sku: string) =>
  notFound('The product with SKU "%sku" is not assigned to the source "%source_code".', { sku, source_code: sourceCode });

export async function getSourceItemConfiguration(db: Conn, sourceCode: string, sku: string): Promise<SourceItemConfiguration> {
  const [row] = await db
    .select({ sourceCode: sourceItems.sourceCode, sku: sourceItems.sku, notifyStockQty: sourceItems.notifyStockQty })
    .from(sourceItems)
    .where(and(eq(sourceItems.sourceCode, sourceCode), eq(sourceItems.sku, sku)))
    .limit(1);
  if (!row) throw sourceItemNotFound(sourceCode, sku);
  return row;
}

/** Sets Notify Qty per source item; every item must exist. Figures do not move: no re-index. */
export async function saveSourceItemConfigurations(db: Conn, configs: readonly SourceItemConfigurationInput[], actor: Actor): Promise<void> {
  await transaction(db, async (tx) => {
      for (const [i, config] of configs.entries()) {
        // The drivers report changed rows differently: the returned ids say it on both.
        const changed = await tx
          .update(sourceItems)
          .set({ notifyStockQty: config.notify_stock_qty === null ? null : round4(config.notify_stock_qty) })
          .where(and(eq(sourceItems.sourceCode, config.source_code), eq(sourceItems.sku, config.sku)))
          .returning({ id: sourceItems.id });
        if (changed.length === 0) {
          const error = sourceItemNotFound(config.source_code, config.sku);
          throw invalid(error.phrase, error.parameters, `${i}`);
        }
      }
      await writeAudit(tx, { actor, action: "save", entityType: "source_item_configuration", skus: configs.map((c) => c.sku), details: configs });
    },
  );
}
