import { and, asc, count, eq, inArray, ne, sql } from "drizzle-orm";
import {
  resolveConfig,
  type EffectiveSettings,
  type NotAvailableMessage,
  type StockSnapshot,
} from "@/lib/inventory";
import type {
  StockFormInput,
  StockInput,
  StockPatch,
  StockSourceLinkInput,
  StockSourceLinkKey,
} from "@/lib/validation/msi";
import type { SearchCriteria } from "@/lib/validation/search-criteria";
import { transaction, type Conn, type Tx } from "../connection";
import { orders, sources, stocks, stockSalesChannels, stockSourceLinks, stores, websites } from "../schema";
import { writeAudit, type AuditEntry } from "./audit";
import { invalid, notFound, productNotFound } from "@/lib/refusal";
import { getProductInventoryState, listConfigRows } from "./inventory";
import { refreshInventoryIndex } from "./inventory-index";
import { sqlSearch, type SearchFields } from "./search";
import { DEFAULT_SOURCE_CODE, missingSourceCodes, productIdsInSources } from "./sources";

type Actor = AuditEntry["actor"];

/** "Default Stock" (spec: stock id 1). */
export const DEFAULT_STOCK_ID = 1;

interface SalesChannel {
  type: "website";
  code: string;
}

export interface StockWithChannels {
  id: number;
  name: string;
  salesChannels: SalesChannel[];
}

export const STOCK_SEARCH_FIELDS: SearchFields = {
  stock_id: { column: stocks.id, type: "number" },
  name: { column: stocks.name, type: "text" },
};

async function channelsOf(db: Conn, stockIds: number[]): Promise<Map<number, SalesChannel[]>> {
  const byStock = new Map<number, SalesChannel[]>(stockIds.map((id) => [id, []]));
  if (stockIds.length === 0) return byStock;
  const rows = await db
    .select()
    .from(stockSalesChannels)
    .where(inArray(stockSalesChannels.stockId, stockIds))
    .orderBy(asc(stockSalesChannels.code));
  for (const row of rows) byStock.get(row.stockId)!.push({ type: row.type, code: row.code });
  return byStock;
}

/** One page of stocks with their sales channels: two queries whatever the page size. */
export async function listStocks(db: Conn, criteria: SearchCriteria): Promise<{ items: StockWithChannels[]; total: number }> {
  const search = sqlSearch(STOCK_SEARCH_FIELDS, criteria, [stocks.id]);
  const [{ n: total }] = await db.select({ n: count() }).from(stocks).where(search.where);
  const query = db.select().from(stocks).where(search.where).orderBy(...search.orderBy).$dynamic();
  const rows = await (search.limit === undefined ? query : query.limit(search.limit).offset(search.offset!));
  const channels = await channelsOf(db, rows.map((r) => r.id));
  return { items: rows.map((r) => ({ ...r, salesChannels: channels.get(r.id)! })), total };
}

export async function getStock(db: Conn, id: number): Promise<StockWithChannels | undefined> {
  const [row] = await db.select().from(stocks).where(eq(stocks.id, id)).limit(1);
  return row && { ...row, salesChannels: (await channelsOf(db, [id])).get(id)! };
}

export const stockNotFound = (id: number | string) => notFound('Stock with id "%value" does not exist.', { value: id });

/**
 * Magento's StockResolver: the stock a sales channel sells from, or Magento's 404 for a channel
 * no stock has (an unknown type or code alike).
 */
export async function getStockBySalesChannel(db: Conn, type: string, code: string): Promise<StockWithChannels> {
  // Websites are the only sales channels there are.
  const [channel] =
    type === "website"
      ? await db.select({ stockId: stockSalesChannels.stockId }).from(stockSalesChannels).where(eq(stockSalesChannels.code, code)).limit(1)
      : [];
  const stock = channel && (await getStock(db, channel.stockId));
  if (!stock) {
    throw notFound("No such entity with %fieldName = %fieldValue, %field2Name = %field2Value", {
      fieldName: "type",
      fieldValue: type,
      field2Name: "code",
      field2Value: code,
    });
  }
  return stock;
}

async function checkNameFree(db: Conn, name: string, exceptId: number | null) {
  const [clash] = await db
    .select({ id: stocks.id })
    .from(stocks)
    .where(exceptId === null ? eq(stocks.name, name) : and(eq(stocks.name, name), ne(stocks.id, exceptId)))
    .limit(1);
  if (clash) throw invalid('A stock named "%name" already exists.', { name }, "name");
}

/**
 * Makes `codes` the websites that sell from the stock. A website sells from exactly one stock,
 * so naming it here moves it from its previous stock; a website dropped from a stock goes back
 * to Default Stock, and so can never be left without one.
 */
async function replaceSalesChannels(db: Tx, stockId: number, channels: readonly SalesChannel[]) {
  const codes = [...new Set(channels.map((c) => c.code))];
  if (codes.length > 0) {
    const known = new Set(
      (await db.select({ code: websites.code }).from(websites).where(inArray(websites.code, codes))).map((r) => r.code),
    );
    const index = channels.findIndex((c) => !known.has(c.code));
    if (index >= 0) {
      throw invalid(
        'Website with code "%code" does not exist.',
        { code: channels[index].code },
        `extension_attributes.sales_channels.${index}.code`,
      );
    }
  }
  const current = (
    await db.select({ code: stockSalesChannels.code }).from(stockSalesChannels).where(eq(stockSalesChannels.stockId, stockId))
  ).map((r) => r.code);
  const dropped = current.filter((code) => !codes.includes(code));
  if (dropped.length > 0) {
    if (stockId === DEFAULT_STOCK_ID) {
      throw invalid(
        'Website "%code" sells from Default Stock: assign it to another stock instead of removing it here.',
        { code: dropped[0] },
        "extension_attributes.sales_channels",
      );
    }
    await db.update(stockSalesChannels).set({ stockId: DEFAULT_STOCK_ID }).where(inArray(stockSalesChannels.code, dropped));
  }
  if (codes.length > 0) {
    // `codes` has no duplicates: PostgreSQL refuses a statement that upserts the same row twice.
    await db
      .insert(stockSalesChannels)
      .values(codes.map((code) => ({ type: "website" as const, code, stockId })))
      .onConflictDoUpdate({ target: stockSalesChannels.code, set: { stockId } });
  }
}

async function writeStock(
  db: Tx,
  id: number | null,
  name: string,
  channels: readonly SalesChannel[] | undefined,
  actor: Actor,
): Promise<number> {
  await checkNameFree(db, name, id);
  let stockId: number;
  if (id === null) {
    [{ id: stockId }] = await db.insert(stocks).values({ name }).returning({ id: stocks.id });
  } else {
    await db.update(stocks).set({ name }).where(eq(stocks.id, id));
    stockId = id;
  }
  // Sales channels are replaced only when sent (Magento saves them from extension attributes).
  if (channels) await replaceSalesChannels(db, stockId, channels);
  await writeAudit(db, {
    actor,
    action: id === null ? "create" : "update",
    entityType: "stock",
    entityId: stockId,
    details: { name, sales_channels: channels },
  });
  return stockId;
}

/**
 * Magento's StockRepository::save: without stock_id a new stock, with one an update of that
 * stock. Answers the stock id. One immediate transaction.
 */
export async function saveStock(db: Conn, input: StockInput, actor: Actor): Promise<number> {
  return transaction(db, async (tx) => {
      const id = input.stock_id ?? null;
      if (id !== null && !await getStock(tx, id)) {
        throw invalid('Stock with id "%value" does not exist. Leave stock_id out to create a new stock.', { value: id }, "stock_id");
      }
      return await writeStock(tx, id, input.name, input.extension_attributes?.sales_channels, actor);
    },
  );
}

/** PUT /stocks/{id}: the fields sent change, the rest stay. */
export async function updateStock(db: Conn, id: number, patch: StockPatch, actor: Actor): Promise<number> {
  return transaction(db, async (tx) => {
      const before = await getStock(tx, id);
      if (!before) throw stockNotFound(id);
      if (patch.stock_id !== undefined && patch.stock_id !== id) {
        throw invalid('The stock id can not be changed: the URL names %id, the body %value.', { id, value: patch.stock_id }, "stock_id");
      }
      return await writeStock(tx, id, patch.name ?? before.name, patch.extension_attributes?.sales_channels, actor);
    },
  );
}

/** Magento's rules: Default Stock and stocks that still sell somewhere stay. */
export async function deleteStock(db: Conn, id: number, actor: Actor): Promise<void> {
  await transaction(db, async (tx) => {
      const stock = await getStock(tx, id);
      if (!stock) throw stockNotFound(id);
      if (id === DEFAULT_STOCK_ID) throw invalid("Default Stock could not be deleted.");
      if (stock.salesChannels.length > 0) throw invalid("Stock has at least one sale channel and could not be deleted.");
      // Orders keep the stock they reserved from (their cancels and shipments refer to it).
      const [{ n: orderCount }] = await tx.select({ n: count() }).from(orders).where(eq(orders.stockId, id));
      if (orderCount > 0) {
        throw invalid("Stock has orders and could not be deleted.");
      }
      // Links, sales channels and salable index rows go with it (ON DELETE CASCADE).
      await tx.delete(stocks).where(eq(stocks.id, id));
      await writeAudit(tx, { actor, action: "delete", entityType: "stock", entityId: id, details: { name: stock.name } });
    },
  );
}

// ── Stock ↔ source links ──

export type StockSourceLinkRow = typeof stockSourceLinks.$inferSelect;

export const STOCK_SOURCE_LINK_SEARCH_FIELDS: SearchFields = {
  stock_id: { column: stockSourceLinks.stockId, type: "number" },
  source_code: { column: stockSourceLinks.sourceCode, type: "text" },
  priority: { column: stockSourceLinks.priority, type: "number" },
};

export async function listStockSourceLinks(db: Conn, criteria: SearchCriteria): Promise<{ items: StockSourceLinkRow[]; total: number }> {
  const search = sqlSearch(STOCK_SOURCE_LINK_SEARCH_FIELDS, criteria, [stockSourceLinks.stockId, stockSourceLinks.sourceCode]);
  const [{ n: total }] = await db.select({ n: count() }).from(stockSourceLinks).where(search.where);
  const query = db.select().from(stockSourceLinks).where(search.where).orderBy(...search.orderBy).$dynamic();
  const items = await (search.limit === undefined ? query : query.limit(search.limit).offset(search.offset!));
  return { items, total };
}

/**
 * Unknown stocks and sources are refused, and so is any link of Default Stock or the default
 * source: Magento keeps them linked only to each other, as seeded (StockSourceLinkValidator).
 */
async function checkLinks(db: Conn, links: readonly StockSourceLinkKey[], verb: "save" | "delete") {
  const stockIds = [...new Set(links.map((l) => l.stock_id))];
  const knownStocks = new Set(
    (await db.select({ id: stocks.id }).from(stocks).where(inArray(stocks.id, stockIds))).map((r) => r.id),
  );
  const missingSources = new Set(await missingSourceCodes(db, links.map((l) => l.source_code)));
  links.forEach((link, i) => {
    if (!knownStocks.has(link.stock_id)) {
      throw invalid('Stock with id "%value" does not exist.', { value: link.stock_id }, `${i}.stock_id`);
    }
    if (missingSources.has(link.source_code)) {
      throw invalid('Source with code "%value" does not exist.', { value: link.source_code }, `${i}.source_code`);
    }
    if (link.stock_id === DEFAULT_STOCK_ID || link.source_code === DEFAULT_SOURCE_CODE) {
      throw invalid(`Can not ${verb} link related to Default Source or Default Stock`, {}, `${i}`);
    }
  });
}

/** Links sources to stocks (or changes their priority), then re-indexes the products they hold. */
export async function saveStockSourceLinks(db: Conn, links: readonly StockSourceLinkInput[], actor: Actor): Promise<void> {
  await transaction(db, async (tx) => {
      await checkLinks(tx, links, "save");
      // One row per pair, the last priority sent winning as when each link was saved in turn:
      // PostgreSQL refuses a statement that upserts the same row twice.
      const byPair = new Map(links.map((l) => [`${l.stock_id}|${l.source_code}`, l]));
      await tx
        .insert(stockSourceLinks)
        .values([...byPair.values()].map((l) => ({ stockId: l.stock_id, sourceCode: l.source_code, priority: l.priority })))
        .onConflictDoUpdate({
          target: [stockSourceLinks.stockId, stockSourceLinks.sourceCode],
          set: { priority: sql`excluded.priority` },
        });
      await refreshInventoryIndex(tx, await productIdsInSources(tx, links.map((l) => l.source_code)));
      await writeAudit(tx, { actor, action: "save", entityType: "stock_source_link", details: links });
    },
  );
}

/** Unlinks sources from stocks; pairs that were not linked are left as they are. */
export async function deleteStockSourceLinks(db: Conn, links: readonly StockSourceLinkKey[], actor: Actor): Promise<void> {
  await transaction(db, async (tx) => {
      await checkLinks(tx, links, "delete");
      for (const link of links) {
        await tx
          .delete(stockSourceLinks)
          .where(and(eq(stockSourceLinks.stockId, link.stock_id), eq(stockSourceLinks.sourceCode, link.source_code)));
      }
      await refreshInventoryIndex(tx, await productIdsInSources(tx, links.map((l) => l.source_code)));
      await writeAudit(tx, { actor, action: "delete", entityType: "stock_source_link", details: links });
    },
  );
}

export interface AssignedSource {
  code: string;
  name: string;
  enabled: boolean;
  priority: number;
}

/** The sources of these stocks by priority: one query for a grid page or one stock. */
export async function assignedSources(db: Conn, stockIds: number[]): Promise<Map<number, AssignedSource[]>> {
  const byStock = new Map<number, AssignedSource[]>(stockIds.map((id) => [id, []]));
  if (stockIds.length === 0) return byStock;
  const rows = await db
    .select({
      stockId: stockSourceLinks.stockId,
      code: sources.code,
      name: sources.name,
      enabled: sources.enabled,
      priority: stockSourceLinks.priority,
    })
    .from(stockSourceLinks)
    .innerJoin(sources, eq(sources.code, stockSourceLinks.sourceCode))
    .where(inArray(stockSourceLinks.stockId, stockIds))
    .orderBy(asc(stockSourceLinks.priority), asc(sources.code));
  for (const { stockId, ...source } of rows) byStock.get(stockId)!.push(source);
  return byStock;
}

/**
 * The New / Edit Stock form in one transaction: name and sales channels, then the sources it
 * lists as assigned are linked (with their priority) and the others unlinked. Default Stock's
 * sources never change (Magento), so its list is not applied.
 */
export async function saveStockForm(db: Conn, id: number | null, input: StockFormInput, actor: Actor): Promise<number> {
  return transaction(db, async (tx) => {
      const stock = {
        name: input.name,
        extension_attributes: {
          sales_channels: input.websites.filter((w) => w.selected).map((w) => ({ type: "website" as const, code: w.code })),
        },
      };
      const stockId = id === null ? await saveStock(tx, stock, actor) : await updateStock(tx, id, stock, actor);
      if (stockId === DEFAULT_STOCK_ID) return stockId;
      const wanted = input.sources.filter((s) => s.assigned);
      const dropped = (await assignedSources(tx, [stockId]))
        .get(stockId)!
        .filter((current) => !wanted.some((w) => w.source_code === current.code));
      if (dropped.length > 0) {
        await deleteStockSourceLinks(tx, dropped.map((d) => ({ stock_id: stockId, source_code: d.code })), actor);
      }
      if (wanted.length > 0) {
        await saveStockSourceLinks(
          tx,
          wanted.map((w) => ({ stock_id: stockId, source_code: w.source_code, priority: w.priority! })),
          actor,
        );
      }
      return stockId;
    },
  );
}

// ── Salability of a SKU on a stock ──


export interface StockSalability {
  effective: EffectiveSettings;
  /** Empty (not assigned) when the SKU has no source item in a source linked to the stock. */
  snapshot: StockSnapshot;
  /** Not Available Message of the website selling from the stock (Default Config when none does). */
  notAvailableMessage: NotAvailableMessage;
}

/** What lib/inventory needs to answer the salability calls for (sku, stock), in a few queries. */
export async function getStockSalability(db: Conn, sku: string, stockId: number): Promise<StockSalability> {
  const state = await getProductInventoryState(db, { sku });
  if (!state) throw productNotFound();
  const [stock] = await db.select({ id: stocks.id }).from(stocks).where(eq(stocks.id, stockId)).limit(1);
  if (!stock) throw stockNotFound(stockId);
  const [scope] = await db
    .select({ websiteId: websites.id, storeId: stores.id })
    .from(stockSalesChannels)
    .innerJoin(websites, eq(websites.code, stockSalesChannels.code))
    .leftJoin(stores, eq(stores.websiteId, websites.id))
    .where(eq(stockSalesChannels.stockId, stockId))
    .orderBy(asc(websites.id), asc(stores.id))
    .limit(1);
  // Not Available Message is a [WEBSITE] setting: any store view of the website resolves it alike.
  const config = resolveConfig(await listConfigRows(db), scope ? { websiteId: scope.websiteId, storeId: scope.storeId ?? 0 } : null);
  return {
    effective: state.effective,
    snapshot: state.stocks.find((s) => s.stockId === stockId)?.snapshot ?? { sourceItems: [], reserved: 0 },
    notAvailableMessage: config.values.notAvailableMessage,
  };
}
