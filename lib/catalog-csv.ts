import type { ProgressRowError } from "./progress";
import { Refusal } from "./refusal";
import type { StockItemInput } from "./validation/product";

/**
 * The two entities of System > Data Transfer as Magento names them, and their CSV columns. Import
 * and export share these names, so an exported file imports unchanged.
 */
export const CSV_ENTITIES = {
  catalog_product: "Products",
  stock_sources: "Stock Sources",
} as const;
export type CsvEntity = keyof typeof CSV_ENTITIES;

/**
 * "Products": Magento's stock columns (catalog_product import), each the stock item field it
 * sets. `qty` and `is_in_stock` are the default source's quantity and status, as Magento's legacy
 * stock item writes them.
 */
export const PRODUCT_STOCK_COLUMNS = {
  qty: "qty",
  is_in_stock: "isInStock",
  manage_stock: "manageStock",
  use_config_manage_stock: "useConfigManageStock",
  allow_backorders: "backorders",
  use_config_backorders: "useConfigBackorders",
  out_of_stock_qty: "minQty",
  use_config_min_qty: "useConfigMinQty",
  min_cart_qty: "minSaleQty",
  use_config_min_sale_qty: "useConfigMinSaleQty",
  max_cart_qty: "maxSaleQty",
  use_config_max_sale_qty: "useConfigMaxSaleQty",
  notify_on_stock_below: "notifyStockQty",
  use_config_notify_stock_qty: "useConfigNotifyStockQty",
  is_qty_decimal: "isQtyDecimal",
  is_decimal_divided: "isDecimalDivided",
  enable_qty_increments: "enableQtyIncrements",
  use_config_enable_qty_inc: "useConfigEnableQtyInc",
  qty_increments: "qtyIncrements",
  use_config_qty_increments: "useConfigQtyIncrements",
} as const satisfies Record<string, keyof StockItemInput>;
export type ProductStockColumn = keyof typeof PRODUCT_STOCK_COLUMNS;

/** The Products file: `sku` first, then any subset of the stock columns. */
export const PRODUCT_CSV_HEADER = ["sku", ...(Object.keys(PRODUCT_STOCK_COLUMNS) as ProductStockColumn[])] as const;

/** "Stock Sources": one row per source item (Magento's stock_sources import). */
export const STOCK_SOURCE_CSV_HEADER = ["source_code", "sku", "status", "quantity"] as const;

/** Magento's import behaviours, as the form and `POST /V1/import/csv` name them. */
export const IMPORT_BEHAVIORS = { append: "Add/Update", replace: "Replace", delete: "Delete" } as const;
export type ImportBehavior = keyof typeof IMPORT_BEHAVIORS;

// ── Import: limits, what a file must hold, and Magento's words for the outcome ──

/** Magento's Validation Strategy: rows in error stop the import, or are skipped (REST). */
export const VALIDATION_STRATEGIES = ["validation-stop-on-errors", "validation-skip-errors"] as const;

/**
 * What rows in error do to an import: with `skipErrors` they are left out and the rest imported;
 * otherwise more than `allowedErrors` errors import nothing (fewer: those rows are left out).
 */
export interface ImportStrategy {
  skipErrors: boolean;
  allowedErrors: number;
}

/** The admin page: any error, and nothing is imported. */
export const STOP_ON_ERROR: ImportStrategy = { skipErrors: false, allowedErrors: 0 };

export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
/** Errors listed in an answer; the rest are counted. */
export const MAX_LISTED_ERRORS = 100;

export const FILE_TOO_LARGE = "The file is larger than 200 MB. Split it into smaller files and import each.";
export const FILE_EMPTY = "This file is empty. Please try another one.";
export const DATA_INVALID = "Data validation failed. Please fix the following errors and upload the file again.";
export const FILE_VALID = 'File is valid! To start import process press "Import" button';
export const IMPORT_DONE = "Import successfully done";
export const NOT_UTF8 = 'The file is not UTF-8 text. Save it as "CSV UTF-8" and try again.';
export const PRODUCTS_APPEND_ONLY =
  "Products can only be imported with Add/Update: this import changes stock columns only, while Replace and Delete would replace or delete whole products.";

/** The columns a file of this entity may name, and those it must name for this behaviour. */
function columnsOf(entity: CsvEntity, behavior: ImportBehavior): { allowed: readonly string[]; required: readonly string[] } {
  if (entity === "catalog_product") return { allowed: PRODUCT_CSV_HEADER, required: ["sku"] };
  return { allowed: STOCK_SOURCE_CSV_HEADER, required: behavior === "delete" ? ["source_code", "sku"] : STOCK_SOURCE_CSV_HEADER };
}

/** What is wrong with a file's header (line 1), column by column: unnamed, unknown, repeated or missing columns. */
export function headerProblems(entity: CsvEntity, behavior: ImportBehavior, header: readonly string[]): { column: string | null; message: string }[] {
  const { allowed, required } = columnsOf(entity, behavior);
  const label = CSV_ENTITIES[entity];
  const problems: { column: string | null; message: string }[] = [];
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name === "") problems.push({ column: null, message: `Column ${i + 1} of the header has no name.` });
    else if (!allowed.includes(name)) {
      problems.push({ column: name, message: `Column "${name}" is not one the ${label} import takes. Its columns are: ${allowed.join(", ")}.` });
    } else if (seen.has(name)) problems.push({ column: name, message: `Column "${name}" appears more than once in the header.` });
    seen.add(name);
  });
  for (const name of required.filter((column) => !seen.has(column))) {
    problems.push({ column: name, message: `Column "${name}" is missing: ${IMPORT_BEHAVIORS[behavior]} of ${label} needs ${required.join(", ")}.` });
  }
  if (entity === "catalog_product" && problems.length === 0 && header.length < 2) {
    problems.push({ column: null, message: `The file names no stock column: add one or more of ${PRODUCT_CSV_HEADER.slice(1).join(", ")}.` });
  }
  return problems;
}

/** Undoes the leading ' an export puts before text a spreadsheet would run as a formula (lib/csv.ts). */
const FORMULA_ESCAPE = /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
export const unescapeFormula = (cell: string) => (FORMULA_ESCAPE.test(cell) ? cell.slice(1) : cell);

/**
 * Counts a CSV file's data rows as its bytes go by (line breaks outside quotes, the header left
 * out), for a progress bar's total: exact for RFC 4180 files, blank lines aside.
 */
export function csvRowCounter() {
  let quoted = false;
  let breaks = 0;
  let open = false;
  return {
    add(chunk: Uint8Array) {
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i];
        if (byte === 0x22) quoted = !quoted;
        if (byte === 0x0a && !quoted) {
          breaks++;
          open = false;
        } else if (byte !== 0x0d) open = true;
      }
    },
    rows: () => Math.max(0, breaks + (open ? 1 : 0) - 1),
  };
}

/** What a check or an import found and did, in figures; `errors` lists the first MAX_LISTED_ERRORS. */
export interface ImportReport {
  entity: CsvEntity;
  behavior: ImportBehavior;
  /** Data rows read (the header left out). */
  rows: number;
  /** Products (Products) or source items (Stock Sources) the valid rows name. */
  entities: number;
  invalidRows: number;
  totalErrors: number;
  errors: ProgressRowError[];
  /** A problem with the file as a whole (header, CSV syntax, encoding): nothing can be imported. */
  fileError: boolean;
  /** What the import did (a check leaves these at 0). Deleted: source items unassigned. */
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  /** Products set Out of Stock automatically on the way (inventory-rules §8). */
  statusSwitched: number;
}

/** Magento's figures after "Check Data". */
export const checkedSummary = (r: ImportReport) =>
  `Checked rows: ${r.rows}, checked entities: ${r.entities}, invalid rows: ${r.invalidRows}, total errors: ${r.totalErrors}`;

/** Magento's figures after "Import", and the products inventory-rules §8 switched. */
export function importedSummary(r: ImportReport): string {
  const figures = `Created: ${r.created}, Updated: ${r.updated}, Deleted: ${r.deleted}, Unchanged: ${r.unchanged}`;
  if (r.statusSwitched === 0) return figures;
  const products = r.statusSwitched === 1 ? "1 product was" : `${r.statusSwitched} products were`;
  return `${figures}. ${products} set Out of Stock automatically: quantity is at or below the threshold.`;
}

/** "Line 3, column qty: Please enter a valid number in this field." */
export const errorLine = (e: ProgressRowError) => `Line ${e.line}${e.column === null ? "" : `, column ${e.column}`}: ${e.message}`;

/** Whether the errors found mean nothing is imported (Magento's hasToBeTerminated). */
export const importRefused = (r: ImportReport, strategy: ImportStrategy) =>
  r.fileError || (!strategy.skipErrors && r.totalErrors > strategy.allowedErrors);

/** An import refused for its rows: the transaction rolls back, and the report says why. */
export class ImportRefusal extends Refusal {
  constructor(readonly report: ImportReport) {
    super("invalid", `${DATA_INVALID} Nothing was imported. ${checkedSummary(report)}.`);
  }
}
