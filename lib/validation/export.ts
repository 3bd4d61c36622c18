import { z } from "zod";
import { CSV_ENTITIES, type CsvEntity } from "../catalog-csv";
import { firstParam } from "./grid";
import { hasFilters, parseGridParams, type ProductGridQuery } from "./product-grid";

type RawParams = Record<string, string | string[] | undefined>;

export interface ExportQuery {
  entity: CsvEntity;
  /** The products to export: all, or those the Catalog > Products view matches. */
  filter: Pick<ProductGridQuery, "q" | "filters">;
}

const entity = z.enum(Object.keys(CSV_ENTITIES) as [CsvEntity, ...CsvEntity[]]).catch("catalog_product");

/**
 * The export form's choices from its URL: the entity, and (scope=filter) the grid's search and
 * filters the "Export" link of Catalog > Products carried. Anything else exports everything.
 */
export function parseExportParams(params: RawParams): ExportQuery {
  const grid = parseGridParams(params);
  const filtered = firstParam(params.scope) !== "all" && hasFilters(grid);
  return {
    entity: entity.parse(firstParam(params.entity)),
    filter: filtered ? { q: grid.q, filters: grid.filters } : { filters: {} },
  };
}

/** Magento's file name: the entity and the moment, catalog_product_20261130_134500.csv. */
export function exportFileName(entity: CsvEntity, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace("T", "_").slice(0, 15);
  return `${entity}_${stamp}.csv`;
}
