import { round4 } from "@/lib/inventory";
import type { ImportBehavior } from "@/lib/catalog-csv";
import { renderPhrase } from "@/lib/refusal";
import { INTEGER } from "@/lib/validation/fields";
import { parseStockSourceRow, type CellProblem } from "@/lib/validation/import";
import type { SourceItemInput } from "@/lib/validation/msi";
import { inValues, upsertRows, type Conn, type Tx } from "../connection";
import { sourceItems, sources } from "../schema";
import type { CsvRow, EntityImport, RowOutcome } from "./import";
import { refreshInventoryIndex } from "./inventory-index";
import { productsBySku, UNKNOWN_PRODUCT, type SourceItemRow } from "./source-items";

/*
 * The Stock Sources import (Magento's stock_sources): one source item per row, with the rules of
 * POST /V1/inventory/source-items (Add/Update) and source-items-delete (Delete). Replace makes
 * each SKU's source items exactly the file's rows for it: the named ones saved, the others
 * unassigned, once the whole file has been read.
 */

const UNKNOWN_SOURCE = 'Source with code "%value" does not exist.';
const pairKey = (sku: string, sourceCode: string) => JSON.stringify([sku, sourceCode]);

/** The stored source items of these SKUs, by [sku, source]. */
async function itemsOf(db: Conn, skus: readonly string[]): Promise<Map<string, SourceItemRow>> {
  const asked = [...new Set(skus)].filter((sku) => !sku.includes("\0"));
  const found = new Map<string, SourceItemRow>();
  for (let i = 0; i < asked.length; i += 1000) {
    for (const row of await db.select().from(sourceItems).where(inValues(db, sourceItems.sku, asked.slice(i, i + 1000)))) {
      found.set(pairKey(row.sku, row.sourceCode), row);
    }
  }
  return found;
}

/** A valid row's change: a source item to save or to unassign, or none. */
type Change = { save: SourceItemInput } | { remove: SourceItemRow } | null;

/** What a row does to the stored item: created, updated (a status set by inventory-rules §8 becomes the admin's), unassigned or nothing. */
function changeOf(behavior: ImportBehavior, item: SourceItemInput, stored: SourceItemRow | undefined): Change {
  if (behavior === "delete") return stored ? { remove: stored } : null;
  const same = stored && stored.quantity === round4(item.quantity) && stored.status === item.status && !stored.statusAutomatic;
  return same ? null : { save: item };
}

/** The Stock Sources import over one file whose header names `header`. */
export async function stockSourceImport(db: Conn, behavior: ImportBehavior, header: readonly string[]): Promise<EntityImport> {
  const known = new Set((await db.select({ code: sources.code }).from(sources)).map((s) => s.code));
  const lineOfPair = new Map<string, number>();
  /** Replace: each SKU's sources the file names, and the SKUs with a row in error (left as they are). */
  const named = new Map<string, Set<string>>();
  const skusInError = new Set<string>();
  const figures = { entities: 0, created: 0, updated: 0, deleted: 0, unchanged: 0, statusSwitched: 0 };
  const changedSkus = new Set<string>();

  async function batch(rows: readonly CsvRow[], tx: Tx | null): Promise<RowOutcome[]> {
    const parsed = rows.map((row) => {
      const { item, key, problems } = parseStockSourceRow(behavior, header, row.cells);
      const all: CellProblem[] = [...row.problems, ...problems];
      if (item) {
        const pair = pairKey(item.sku, item.source_code);
        const earlier = lineOfPair.get(pair);
        if (earlier !== undefined) {
          all.push({ column: "sku", message: `SKU "${item.sku}" at source "${item.source_code}" is already on line ${earlier} of this file: each source item may appear once.` });
        } else lineOfPair.set(pair, row.line);
        if (!known.has(item.source_code)) all.push({ column: "source_code", message: renderPhrase(UNKNOWN_SOURCE, { value: item.source_code }) });
      }
      return { line: row.line, item, key, problems: all };
    });
    const skus = parsed.filter((p) => p.item).map((p) => p.key.sku);
    const productOf = await productsBySku(db, skus.filter((sku) => !sku.includes("\0")));
    const stored = await itemsOf(db, [...productOf.keys()]);
    const saves: SourceItemInput[] = [];
    const removals: SourceItemRow[] = [];
    let unchanged = 0;
    for (const row of parsed) {
      const product = row.item && productOf.get(row.item.sku);
      if (row.item && !product) row.problems.push({ column: "sku", message: renderPhrase(UNKNOWN_PRODUCT, { sku: row.item.sku }) });
      const item = row.item as SourceItemInput | null;
      // A product without Qty Uses Decimals takes whole quantities only (inventory-rules §1.2), as POST source-items.
      if (item && product && behavior !== "delete" && !product.isQtyDecimal && !Number.isInteger(item.quantity)) {
        row.problems.push({ column: "quantity", message: INTEGER });
      }
      if (row.problems.length > 0 || !item) {
        if (behavior === "replace" && row.key.sku !== "") skusInError.add(row.key.sku);
        continue;
      }
      figures.entities++;
      if (behavior === "replace") named.set(item.sku, (named.get(item.sku) ?? new Set()).add(item.source_code));
      const change = changeOf(behavior, item, stored.get(pairKey(item.sku, item.source_code)));
      if (!change) unchanged++;
      else if ("save" in change) saves.push(change.save);
      else removals.push(change.remove);
    }
    if (tx) {
      await applyBatch(tx, { saves, removals, stored, productOf });
      figures.unchanged += unchanged;
    }
    return parsed.map(({ line, problems }) => ({ line, problems }));
  }

  async function applyBatch(
    tx: Tx,
    batch: { saves: SourceItemInput[]; removals: SourceItemRow[]; stored: Map<string, SourceItemRow>; productOf: Map<string, { id: number }> },
  ) {
    const { saves, removals, stored, productOf } = batch;
    const rows = saves.map((item) => ({ sku: item.sku, sourceCode: item.source_code, quantity: round4(item.quantity), status: item.status, statusAutomatic: false }));
    await upsertRows(tx, sourceItems, ["sku", "sourceCode"], rows);
    for (let i = 0; i < removals.length; i += 1000) {
      await tx.delete(sourceItems).where(inValues(tx, sourceItems.id, removals.slice(i, i + 1000).map((r) => r.id)));
    }
    for (const item of saves) {
      if (stored.has(pairKey(item.sku, item.source_code))) figures.updated++;
      else figures.created++;
    }
    figures.deleted += removals.length;
    const skus = [...saves.map((s) => s.sku), ...removals.map((r) => r.sku)];
    for (const sku of skus) changedSkus.add(sku);
    await refreshInventoryIndex(tx, [...new Set(skus.map((sku) => productOf.get(sku)!.id))]);
  }

  /** Replace: unassigns, of every SKU the file named without error, the sources it did not name. */
  async function finish(tx: Tx) {
    if (behavior !== "replace") return;
    const skus = [...named.keys()].filter((sku) => !skusInError.has(sku));
    for (let i = 0; i < skus.length; i += 1000) {
      const part = skus.slice(i, i + 1000);
      const removals = [...(await itemsOf(tx, part)).values()].filter((row) => !named.get(row.sku)!.has(row.sourceCode));
      if (removals.length === 0) continue;
      await applyBatch(tx, { saves: [], removals, stored: new Map(), productOf: await productsBySku(tx, removals.map((r) => r.sku)) });
    }
  }

  return { batch, finish, drain: async () => undefined, figures, changedSkus };
}
