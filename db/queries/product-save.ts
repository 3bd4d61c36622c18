import { and, eq, ne, notInArray } from "drizzle-orm";
import {
DEFAULT_PRODUCT_SETTINGS,effectiveSettings,round4,statusOnProductSave,type SourceItemStatus
} from "@/lib/inventory";
import { REQUIRED } from "@/lib/validation/auth";
import {
SKU_TAKEN,type ProductLock,
type SourceAssignment,type StockItemValues
} from "@/lib/validation/product";
import { transaction, upsertRows, type Conn, type Tx } from "../connection";
import {
productInventory,
products,
reservationTotals,sourceItems
} from "../schema";
import { writeAudit, type AuditEntry } from "./audit";
import { invalid, productNotFound, Refusal } from "@/lib/refusal";
import { getGlobalConfig, getProductInventoryState } from "./inventory";
import { refreshInventoryIndex } from "./inventory-index";
import { DEFAULT_SOURCE_CODE, isSingleSourceMode, missingSourceCodes, sourceNotFound } from "./sources";

import { listProductSourceItems, storedValues, type ProductSourceItem } from "./product-page";
import {
  diffSnapshots,
  lockSnapshot,
  productAuditChanges,
  staleMessage,
  type FieldChange,
  type StoredFormValues,
} from "@/lib/validation/product-changes";
export interface ProductPatch {
  sku?: string;
  name?: string;
  price?: number;
  enabled?: boolean;
  typeId?: "simple" | "virtual";
}

export interface SaveProductInput {
  /** The product to change; absent to create one. */
  id?: number;
  product: ProductPatch;
  /** Only the fields named change (a REST PUT of a stock item names a few). */
  stockItem?: Partial<StockItemValues>;
  /**
   * Multi-source mode, the product page: every source the product is assigned to, as the admin
   * left the grid (sources left out are unassigned). Absent: source items stay as they are.
   */
  sources?: SourceAssignment[];
  /** The product page's lock: refuse the save when the product changed since it was loaded. */
  lock?: ProductLock;
  actor: AuditEntry["actor"];
  /** The audit entry this save reverts (System > Action Log). */
  revertOf?: number;
}

export interface SaveProductResult {
    id: number;
    version: number;
    created: boolean;
    /** lib/inventory's reason when inventory-rules §8 switched the stock status on this save. */
    statusReason: string | null;
    changes: FieldChange[];
}

export const SKU_RESERVED = "The SKU can't be changed while orders still reserve this product.";
export const MODE_CHANGED =
  "Sources were added or removed after you opened this page, so its quantity fields no longer apply. Nothing was saved. Reload the page, then make your changes again.";


/**
 * Saves a product with its Advanced Inventory settings and, in single-source mode, its default
 * source item (quantity, and the stock status after inventory-rules §8), in one immediate transaction with
 * its audit entry and the salable index. With a lock, a product changed since it was loaded is
 * refused and nothing is written. The REST API saves through here too (partial stock items).
 */
export async function saveProduct(db: Conn, input: SaveProductInput): Promise<SaveProductResult> {
  return transaction(db, async (tx): Promise<SaveProductResult> => {
      const current = input.id === undefined ? null : await getProductInventoryState(tx, { id: input.id });
      if (input.id !== undefined && !current) throw productNotFound();
      const items = current ? await listProductSourceItems(tx, current.product.sku) : [];
      const singleSourceMode = await isSingleSourceMode(tx);
      const before = current ? storedValues(current.product, current.settings, items) : null;
      const beforeSnapshot = before ? lockSnapshot(before, singleSourceMode, items) : {};

      if (current && before && input.lock) {
        const changes = diffSnapshots(input.lock.snapshot, beforeSnapshot);
        if (changes.length > 0 || current.product.version !== input.lock.version) {
          throw new Refusal("stale", staleMessage(changes));
        }
      }

      const product: ProductPatch = { ...(before && productPart(before)), ...definedOnly(input.product) };
      const missing = (["sku", "name", "price"] as const).filter((field) => product[field] === undefined);
      if (missing.length > 0) {
        throw new Refusal("invalid", REQUIRED, { fieldErrors: Object.fromEntries(missing.map((f) => [f, REQUIRED])) });
      }
      const sku = product.sku!;
      const [taken] = await tx
        .select({ id: products.id })
        .from(products)
        .where(and(eq(products.sku, sku), input.id === undefined ? undefined : ne(products.id, input.id)))
        .limit(1);
      if (taken) throw invalid(SKU_TAKEN, {}, "sku");
      if (current && sku !== current.product.sku && await hasOpenReservations(tx, current.product.sku)) {
        // Reservations are keyed by SKU and append-only: renaming would free what orders hold.
        throw invalid(SKU_RESERVED, {}, "sku");
      }
      if (input.sources) {
        // The page was rendered in multi-source mode; in single-source mode Quantity applies.
        if (singleSourceMode) throw new Refusal("stale", MODE_CHANGED);
        const unknown = new Set(await missingSourceCodes(tx, input.sources.map((s) => s.sourceCode)));
        const fieldErrors = Object.fromEntries(
          input.sources.flatMap((s, i) => (unknown.has(s.sourceCode) ? [[`sources.${i}.sourceCode`, sourceNotFound(s.sourceCode).message]] : [])),
        );
        if (unknown.size > 0) throw new Refusal("invalid", Object.values(fieldErrors)[0], { fieldErrors });
      }

      // A new product starts on "Use Config Settings" everywhere (inventory-rules §1.2), In Stock with 0.
      const stockItem = {
        ...(before?.stockItem ?? { qty: 0, isInStock: true, ...DEFAULT_PRODUCT_SETTINGS }),
        ...definedOnly(input.stockItem ?? {}),
      };
      const { qty, isInStock, ...settings } = stockItem;
      const row = {
        sku,
        name: product.name!,
        price: product.price!,
        enabled: product.enabled ?? true,
        typeId: product.typeId ?? ("simple" as const),
      };
      const version = (current?.product.version ?? 0) + 1;
      let id: number;
      if (current) {
        id = current.product.id;
        await tx
          .update(products)
          .set({ ...row, version, updatedAt: new Date().toISOString() })
          .where(eq(products.id, id));
      } else {
        [{ id }] = await tx.insert(products).values({ ...row, version }).returning({ id: products.id });
      }
      await tx
        .insert(productInventory)
        .values({ productId: id, ...settings })
        .onConflictDoUpdate({ target: productInventory.productId, set: settings });

      let statusReason: string | null = null;
      if (singleSourceMode) {
        const config = await getGlobalConfig(tx);
        const eff = effectiveSettings(settings, config.values, config.origins);
        const own = items.find((i) => i.sourceCode === DEFAULT_SOURCE_CODE);
        const decision = statusOnProductSave({
          manageStock: eff.manageStock.value,
          backorders: eff.backorders.value,
          qty,
          effectiveThreshold: eff.effectiveMinQty,
          requestedStatus: isInStock ? 1 : 0,
          wasAutomatic: own?.statusAutomatic ?? false,
        });
        statusReason = decision.reason;
        const item = { quantity: qty, status: decision.status, statusAutomatic: decision.automatic };
        await tx
          .insert(sourceItems)
          .values({ sku, sourceCode: DEFAULT_SOURCE_CODE, ...item })
          .onConflictDoUpdate({ target: [sourceItems.sku, sourceItems.sourceCode], set: item });
      } else if (input.sources) {
        await writeAssignedSources(tx, sku, items, input.sources);
      }

      const saved = (await getProductInventoryState(tx, { id }))!;
      const savedItems = await listProductSourceItems(tx, sku);
      const after = storedValues(saved.product, saved.settings, savedItems);
      const changes = diffSnapshots(beforeSnapshot, lockSnapshot(after, singleSourceMode, savedItems));
      await writeAudit(tx, {
        actor: input.actor,
        action: current ? "product_saved" : "product_created",
        entityType: "product",
        entityId: id,
        // Both SKUs of a rename: the log finds the entry under either.
        skus: current ? [current.product.sku, sku] : [sku],
        changes: productAuditChanges(before && { values: before, items }, { values: after, items: savedItems }, singleSourceMode),
        revertOf: input.revertOf,
        details: { sku, version, ...(statusReason ? { stockStatus: statusReason } : {}) },
      });
      await refreshInventoryIndex(tx, [id]);
      return { id, version, created: !current, statusReason, changes };
    },
  );
}

/**
 * Multi-source mode: the product's source items become exactly `assigned` (new ones created,
 * the rest updated, those left out unassigned). Inventory-rules §8 switches statuses only in single-source
 * mode, so the status is the admin's; an automatic Out of Stock the admin left alone stays
 * automatic. Reservations are per stock, so unassigning never touches them.
 */
async function writeAssignedSources(tx: Tx, sku: string, before: readonly ProductSourceItem[], assigned: readonly SourceAssignment[]) {
  const stored = new Map(before.map((item) => [item.sourceCode, item]));
  const rows = assigned.map((source) => {
    const status: SourceItemStatus = source.isInStock ? 1 : 0;
    const old = stored.get(source.sourceCode);
    return {
      sku,
      sourceCode: source.sourceCode,
      quantity: round4(source.qty),
      status,
      statusAutomatic: !!old && old.statusAutomatic && old.status === status,
      notifyStockQty: source.notifyStockQty === null ? null : round4(source.notifyStockQty),
    };
  });
  // Every row inserts or updates from its own values (the form sends each source once).
  await upsertRows(tx, sourceItems, ["sku", "sourceCode"], rows);
  await tx
    .delete(sourceItems)
    .where(and(eq(sourceItems.sku, sku), notInArray(sourceItems.sourceCode, assigned.map((s) => s.sourceCode))));
}

export const PRODUCT_RESERVED = "The product can't be deleted while orders still reserve it. Ship or cancel them first.";

/**
 * Deletes a product with its Advanced Inventory settings, source items and index rows (the
 * foreign keys cascade), with its audit entry, in one immediate transaction. Orders keep their
 * lines. Refused while orders still reserve the SKU: reservations are keyed by SKU, so a product
 * created later under the same SKU would inherit them.
 */
export async function deleteProduct(db: Conn, sku: string, actor: AuditEntry["actor"]): Promise<void> {
  await transaction(db, async (tx) => {
      const [product] = await tx.select({ id: products.id }).from(products).where(eq(products.sku, sku)).limit(1);
      if (!product) throw productNotFound();
      if (await hasOpenReservations(tx, sku)) throw invalid(PRODUCT_RESERVED);
      await tx.delete(products).where(eq(products.id, product.id));
      await writeAudit(tx, { actor, action: "product_deleted", entityType: "product", entityId: product.id, skus: [sku], details: { sku } });
    },
  );
}

function productPart({ stockItem: _stockItem, ...product }: StoredFormValues): ProductPatch {
  return product;
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

async function hasOpenReservations(db: Conn, sku: string): Promise<boolean> {
  const [open] = await db
    .select({ sku: reservationTotals.sku })
    .from(reservationTotals)
    .where(and(eq(reservationTotals.sku, sku), ne(reservationTotals.quantity, 0)))
    .limit(1);
  return !!open;
}

