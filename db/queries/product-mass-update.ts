import { eq, inArray, sql } from "drizzle-orm";
import {
  DEFAULT_PRODUCT_SETTINGS,
  effectiveSettings,
  statusOnConfigChange,
  type ResolvedInventoryConfig,
  type SourceItemStatus,
} from "@/lib/inventory";
import type { ReportProgress } from "@/lib/progress";
import { Refusal } from "@/lib/refusal";
import {
  applyMassUpdate,
  NO_PRODUCTS,
  type MassSelection,
  type MassUpdate,
  type MassUpdateResult,
} from "@/lib/validation/mass-update";
import { productAuditChanges } from "@/lib/validation/product-changes";
import { transaction, upsertRows, yieldToOtherRequests, type Conn, type Tx } from "../connection";
import { productInventory, products, sourceItems, sources } from "../schema";
import { writeAudits, type AuditEntry } from "./audit";
import { getGlobalConfig, toProductSettings } from "./inventory";
import { refreshInventoryIndex } from "./inventory-index";
import { listMatchingProductIds } from "./product-grid";
import { productSourceItemColumns, storedValues, type ProductSourceItem } from "./product-page";
import { DEFAULT_SOURCE_CODE, isSingleSourceMode } from "./sources";

// Catalog > Products > Update attributes: one set of Advanced Inventory values on many products.

/** Products read, checked and written at a time; progress is reported and other requests get a turn between chunks. */
const CHUNK = 500;

/**
 * The ids of the products a selection covers, ascending: ids the browser sent are read again
 * (unknown ones drop out); "all matching" is the grid's search and filters, found again here.
 */
export async function resolveMassSelection(db: Conn, selection: MassSelection): Promise<number[]> {
  if (selection.kind === "ids") {
    const found: number[] = [];
    for (let i = 0; i < selection.ids.length; i += CHUNK) {
      const rows = await db.select({ id: products.id }).from(products).where(inArray(products.id, selection.ids.slice(i, i + CHUNK)));
      found.push(...rows.map((row) => row.id));
    }
    return found.sort((a, b) => a - b);
  }
  const excluded = new Set(selection.excluded);
  const ids: number[] = [];
  for (let after = 0; ; ) {
    const page = await listMatchingProductIds(db, selection.grid, after, 5000);
    ids.push(...page.filter((id) => !excluded.has(id)));
    if (page.length < 5000) return ids;
    after = page[page.length - 1];
  }
}

export interface MassUpdateInput {
  selection: MassSelection;
  update: MassUpdate;
  actor: AuditEntry["actor"];
  report?: ReportProgress;
}

/**
 * Applies the update to every product the selection covers, in one transaction: each product's
 * settings checked as its product page checks them (one that fails refuses the whole update,
 * naming it: nothing is written), then per chunk the settings, the version, the stock status
 * (inventory-rules §8, as after a configuration change: the admin set no status here), one audit
 * entry per changed product (so each can be reverted alone) and the salable index.
 */
export async function massUpdateInventory(db: Conn, input: MassUpdateInput): Promise<MassUpdateResult> {
  return transaction(db, async (tx) => {
    const ids = await resolveMassSelection(tx, input.selection);
    if (ids.length === 0) throw new Refusal("invalid", NO_PRODUCTS);
    const context = { config: await getGlobalConfig(tx), singleSourceMode: await isSingleSourceMode(tx), ...input };
    const result: MassUpdateResult = { covered: ids.length, changed: 0, toOutOfStock: 0, toInStock: 0 };
    input.report?.(0, ids.length);
    for (let i = 0; i < ids.length; i += CHUNK) {
      const planned = planChunk(await readChunk(tx, ids.slice(i, i + CHUNK)), context);
      await writeChunk(tx, planned);
      result.changed += planned.length;
      for (const { status } of planned) {
        if (status?.status === 0) result.toOutOfStock++;
        if (status?.status === 1) result.toInStock++;
      }
      input.report?.(Math.min(i + CHUNK, ids.length), ids.length);
      await yieldToOtherRequests();
    }
    return result;
  });
}

type ChunkItem = ProductSourceItem & { id: number; sku: string };

/** A chunk's products with their settings and source items: two queries. */
async function readChunk(tx: Tx, ids: number[]) {
  const rows = await tx
    .select({
      product: { id: products.id, sku: products.sku, name: products.name, price: products.price, enabled: products.enabled, typeId: products.typeId, version: products.version },
      inventory: productInventory,
    })
    .from(products)
    .leftJoin(productInventory, eq(productInventory.productId, products.id))
    .where(inArray(products.id, ids));
  const items: ChunkItem[] = await tx
    .select({ id: sourceItems.id, sku: sourceItems.sku, ...productSourceItemColumns })
    .from(sourceItems)
    .innerJoin(sources, eq(sources.code, sourceItems.sourceCode))
    .where(inArray(sourceItems.sku, rows.map((row) => row.product.sku)));
  const itemsOf = new Map<string, ChunkItem[]>();
  for (const item of items) itemsOf.set(item.sku, [...(itemsOf.get(item.sku) ?? []), item]);
  return rows
    .sort((a, b) => a.product.id - b.product.id)
    .map((row) => ({
      product: row.product,
      settings: row.inventory ? toProductSettings(row.inventory) : DEFAULT_PRODUCT_SETTINGS,
      items: itemsOf.get(row.product.sku) ?? [],
    }));
}

type ChunkProduct = Awaited<ReturnType<typeof readChunk>>[number];

interface PlanContext {
  config: ResolvedInventoryConfig;
  singleSourceMode: boolean;
  update: MassUpdate;
  actor: AuditEntry["actor"];
}

interface PlannedProduct {
  id: number;
  settings: ChunkProduct["settings"];
  /** The default source item inventory-rules §8 switches, if any. */
  status: { itemId: number; status: SourceItemStatus } | null;
  audit: AuditEntry;
}

/** The products of a chunk that change, with what to write; a product the update cannot apply to refuses it all. */
function planChunk(chunk: ChunkProduct[], context: PlanContext): PlannedProduct[] {
  return chunk.flatMap(({ product, settings: before, items }) => {
    const outcome = applyMassUpdate({ sku: product.sku, settings: before, quantities: items.map((i) => i.quantity) }, context.update, context.config);
    if ("message" in outcome) {
      throw new Refusal("invalid", `Nothing was updated. ${outcome.message}`, { fieldErrors: { [`stockItem.${outcome.field}`]: outcome.message } });
    }
    const after = outcome.settings;
    const status = statusSwitch(items, after, context);
    const itemsAfter = status ? items.map((i) => (i.id === status.itemId ? { ...i, status: status.status, statusAutomatic: status.status === 0 } : i)) : items;
    const changes = productAuditChanges(
      { values: storedValues(product, before, items), items },
      { values: storedValues(product, after, itemsAfter), items: itemsAfter },
      context.singleSourceMode,
    );
    if (changes.length === 0) return [];
    const audit: AuditEntry = {
      actor: context.actor,
      action: "product_saved",
      entityType: "product",
      entityId: product.id,
      skus: [product.sku],
      changes,
      details: { sku: product.sku, version: product.version + 1, update: "Update attributes" },
    };
    return [{ id: product.id, settings: after, status, audit }];
  });
}

/** Inventory-rules §8 under the new settings, single-source mode: the default source item's status, when it switches. */
function statusSwitch(items: ChunkItem[], settings: ChunkProduct["settings"], context: PlanContext): PlannedProduct["status"] {
  const own = context.singleSourceMode ? items.find((i) => i.sourceCode === DEFAULT_SOURCE_CODE) : undefined;
  if (!own) return null;
  const eff = effectiveSettings(settings, context.config.values, context.config.origins);
  const decision = statusOnConfigChange({
    manageStock: eff.manageStock.value,
    backorders: eff.backorders.value,
    qty: own.quantity,
    effectiveThreshold: eff.effectiveMinQty,
    status: own.status,
    automatic: own.statusAutomatic,
  });
  return decision.status === own.status ? null : { itemId: own.id, status: decision.status };
}

async function writeChunk(tx: Tx, planned: PlannedProduct[]): Promise<void> {
  if (planned.length === 0) return;
  const ids = planned.map((p) => p.id);
  await upsertRows(tx, productInventory, ["productId"], planned.map((p) => ({ productId: p.id, ...p.settings })));
  // A product page opened before the update refuses its stale save (the version moved).
  await tx
    .update(products)
    .set({ version: sql`${products.version} + 1`, updatedAt: new Date().toISOString() })
    .where(inArray(products.id, ids));
  for (const status of [0, 1] as const) {
    const switched = planned.flatMap((p) => (p.status?.status === status ? [p.status.itemId] : []));
    if (switched.length > 0) {
      await tx.update(sourceItems).set({ status, statusAutomatic: status === 0 }).where(inArray(sourceItems.id, switched));
    }
  }
  await writeAudits(tx, planned.map((p) => p.audit));
  await refreshInventoryIndex(tx, ids);
}
