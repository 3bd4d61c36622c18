import { asc, count, eq, inArray } from "drizzle-orm";
import type { SearchCriteria } from "@/lib/validation/search-criteria";
import type { SourceInput, SourcePatch } from "@/lib/validation/msi";
import { transaction, type Conn, type Tx } from "../connection";
import { products, sourceItems, sources, stockSourceLinks } from "../schema";
import { writeAudit, type AuditEntry } from "./audit";
import { invalid, notFound } from "@/lib/refusal";
import { refreshInventoryIndex } from "./inventory-index";
import { sqlSearch, type SearchFields } from "./search";

export type SourceRow = typeof sources.$inferSelect;
type Actor = AuditEntry["actor"];

/** The default source's code (spec: "the default source's code is `default`"). */
export const DEFAULT_SOURCE_CODE = "default";

export const SOURCE_SEARCH_FIELDS: SearchFields = {
  source_code: { column: sources.code, type: "text" },
  name: { column: sources.name, type: "text" },
  enabled: { column: sources.enabled, type: "boolean" },
  description: { column: sources.description, type: "text" },
  country_id: { column: sources.countryId, type: "text" },
  postcode: { column: sources.postcode, type: "text" },
};

/** One page of sources and the number of all that match, filtered, sorted and paged in SQL. */
export async function listSources(db: Conn, criteria: SearchCriteria): Promise<{ items: SourceRow[]; total: number }> {
  const search = sqlSearch(SOURCE_SEARCH_FIELDS, criteria, [sources.code]);
  const [{ n: total }] = await db.select({ n: count() }).from(sources).where(search.where);
  const query = db.select().from(sources).where(search.where).orderBy(...search.orderBy).$dynamic();
  const items = await (search.limit === undefined ? query : query.limit(search.limit).offset(search.offset!));
  return { items, total };
}

/** Every source by code: the stock form lists them to assign (merchants have a handful). */
export async function listAllSources(db: Conn): Promise<SourceRow[]> {
  return db.select().from(sources).orderBy(asc(sources.code));
}

export async function getSource(db: Conn, code: string): Promise<SourceRow | undefined> {
  const [source] = await db.select().from(sources).where(eq(sources.code, code)).limit(1);
  return source;
}

/** Codes among `codes` that name no source. */
export async function missingSourceCodes(db: Conn, codes: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(codes)];
  if (wanted.length === 0) return [];
  const found = new Set(
    (await db.select({ code: sources.code }).from(sources).where(inArray(sources.code, wanted))).map((r) => r.code),
  );
  return wanted.filter((code) => !found.has(code));
}

/**
 * Magento's IsSingleSourceMode: with fewer than two sources a product's Quantity and Stock
 * Status are those of its default source item (spec screens-and-api, REST note).
 */
export async function isSingleSourceMode(db: Conn): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(sources);
  return n < 2;
}

export const sourceNotFound = (code: string) => notFound('Source with code "%value" does not exist.', { value: code });

type SourceValues = Omit<SourceRow, "code">;

function checkDefaultStaysEnabled(code: string, enabled: boolean) {
  // Magento's DefaultSourceValidator: the default source backs single-source mode.
  if (code === DEFAULT_SOURCE_CODE && !enabled) throw invalid("Default source can not be disabled.", {}, "enabled");
}

async function write(db: Tx, code: string, before: SourceRow | undefined, values: SourceValues, actor: Actor) {
  checkDefaultStaysEnabled(code, values.enabled);
  if (before) await db.update(sources).set(values).where(eq(sources.code, code));
  else await db.insert(sources).values({ code, ...values });
  // Enabling or disabling a source changes every figure that counts its items (inventory-rules §2).
  if (before && before.enabled !== values.enabled) await refreshInventoryIndex(db, await productIdsInSources(db, [code]));
  await writeAudit(db, { actor, action: before ? "update" : "create", entityType: "source", entityId: code, details: values });
}

/**
 * How a whole source is saved: "upsert" is Magento's SourceRepository::save (the REST POST), a
 * new code creates, a known one is replaced; the admin's New Source form must not overwrite an
 * existing source ("create"), its edit form must find the one it edits ("update").
 */
export type SaveMode = "upsert" | "create" | "update";

/** Saves a whole source in one immediate transaction. */
export async function saveSource(db: Conn, input: SourceInput, actor: Actor, mode: SaveMode = "upsert"): Promise<{ created: boolean }> {
  return transaction(db, async (tx) => {
      const before = await getSource(tx, input.source_code);
      if (before && mode === "create") {
        throw invalid('A source with code "%code" already exists.', { code: input.source_code }, "source_code");
      }
      if (!before && mode === "update") throw sourceNotFound(input.source_code);
      await write(
        tx,
        input.source_code,
        before,
        {
          name: input.name,
          enabled: input.enabled,
          description: input.description ?? null,
          countryId: input.country_id,
          postcode: input.postcode,
        },
        actor,
      );
      return { created: !before };
    },
  );
}

/** Changes the fields a PUT names; the source must exist and keeps its code. */
export async function updateSource(db: Conn, code: string, patch: SourcePatch, actor: Actor): Promise<SourceRow> {
  return transaction(db, async (tx) => {
      const before = await getSource(tx, code);
      if (!before) throw sourceNotFound(code);
      if (patch.source_code !== undefined && patch.source_code !== code) {
        throw invalid('The source code can not be changed: the URL names "%code", the body "%value".', {
          code,
          value: patch.source_code,
        }, "source_code");
      }
      const values: SourceValues = {
        name: patch.name ?? before.name,
        enabled: patch.enabled ?? before.enabled,
        description: patch.description === undefined ? before.description : patch.description,
        countryId: patch.country_id ?? before.countryId,
        postcode: patch.postcode ?? before.postcode,
      };
      await write(tx, code, before, values, actor);
      return { code, ...values };
    },
  );
}

/** Products with a source item in any of these sources: whose figures a source or link change moves. */
export async function productIdsInSources(db: Conn, codes: readonly string[]): Promise<number[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: products.id })
    .from(sourceItems)
    .innerJoin(products, eq(products.sku, sourceItems.sku))
    .where(inArray(sourceItems.sourceCode, [...codes]));
  return rows.map((r) => r.id);
}

/** Magento's GetSourcesAssignedToStockOrderedByPriority: the sources linked to a stock, highest priority (lowest number) first. */
export async function listSourcesOfStock(db: Conn, stockId: number): Promise<SourceRow[]> {
  const rows = await db
    .select({ source: sources })
    .from(stockSourceLinks)
    .innerJoin(sources, eq(sources.code, stockSourceLinks.sourceCode))
    .where(eq(stockSourceLinks.stockId, stockId))
    .orderBy(asc(stockSourceLinks.priority), asc(sources.code));
  return rows.map((row) => row.source);
}
