import { z } from "zod";
import { USE_CONFIG_FLAGS, type InventoryConfig, type OverridableField } from "@/lib/inventory";
import {
  CSV_ENTITIES,
  IMPORT_BEHAVIORS,
  PRODUCT_STOCK_COLUMNS,
  unescapeFormula,
  type CsvEntity,
  type ImportBehavior,
  type ProductStockColumn,
} from "@/lib/catalog-csv";
import { sourceItemKeySchema, sourceItemSchema, type SourceItemInput, type SourceItemKey } from "./msi";
import { productFields, stockItemFields, stockItemSchema, type StockItemInput, type StockItemValues } from "./product";

/*
 * System > Data Transfer > Import, row by row, with the product page's and the source items'
 * own schemas and messages: what one CSV row says, before the database is asked.
 */

const ENTITIES = Object.keys(CSV_ENTITIES) as [CsvEntity, ...CsvEntity[]];
const BEHAVIORS = Object.keys(IMPORT_BEHAVIORS) as [ImportBehavior, ...ImportBehavior[]];
export const importEntityField = z.enum(ENTITIES, { error: `Please choose one of ${ENTITIES.join(", ")} in this field.` });
export const importBehaviorField = z.enum(BEHAVIORS, { error: `Please choose one of ${BEHAVIORS.join(", ")} in this field.` });

/** The admin page's upload: entity and behaviour in the query string (the body is the file), and its name for the Action Log. */
export const importParamsSchema = z.object({
  entity: importEntityField,
  behavior: importBehaviorField,
  name: z
    .string()
    .trim()
    .max(255)
    .regex(/^[^\u0000-\u001f\u007f]*$/)
    .optional()
    .catch(undefined),
});

/** A problem with one cell (or, with no column, with the row). */
export interface CellProblem {
  column: string | null;
  message: string;
}

const SELECT_OPTION = "Please select an option.";
const FLAG_VALUES = "Please enter 1 (Yes) or 0 (No) in this field.";
const BACKORDER_VALUES = "Please enter 0 (No Backorders), 1 (Allow Qty Below 0) or 2 (Allow Qty Below 0 and Notify Customer) in this field.";

const COLUMN_OF = Object.fromEntries(Object.entries(PRODUCT_STOCK_COLUMNS).map(([column, field]) => [field, column])) as Record<
  keyof StockItemInput,
  ProductStockColumn
>;

/** zod's issues on stock item fields as cell problems, under the CSV's column names; a select's message says which values a cell takes. */
function stockItemProblems(issues: readonly z.core.$ZodIssue[]): CellProblem[] {
  return issues.map((issue) => {
    const field = issue.path[0] as keyof StockItemInput | undefined;
    const column = field === undefined ? null : COLUMN_OF[field];
    if (issue.message !== SELECT_OPTION) return { column, message: issue.message };
    return { column, message: field === "backorders" ? BACKORDER_VALUES : FLAG_VALUES };
  });
}

const partialStockItem = stockItemFields.partial();

/** A Products row: its SKU and the stock item fields its non-empty cells set (an empty cell changes nothing, as in Magento). */
export function parseProductRow(
  columns: readonly (ProductStockColumn | "sku")[],
  cells: readonly string[],
): { sku: string; patch: Partial<StockItemValues>; problems: CellProblem[] } {
  const input: Record<string, string> = {};
  let skuCell = "";
  columns.forEach((column, i) => {
    const cell = cells[i] ?? "";
    if (column === "sku") skuCell = unescapeFormula(cell);
    else if (cell !== "") input[PRODUCT_STOCK_COLUMNS[column]] = cell;
  });
  const problems: CellProblem[] = [];
  const sku = productFields.shape.sku.safeParse(skuCell);
  if (!sku.success) problems.push(...sku.error.issues.map((issue) => ({ column: "sku", message: issue.message })));
  const patch = partialStockItem.safeParse(input);
  if (!patch.success) problems.push(...stockItemProblems(patch.error.issues));
  return { sku: sku.data ?? skuCell, patch: patch.data ?? {}, problems };
}

const OVERRIDABLE = Object.keys(USE_CONFIG_FLAGS) as OverridableField[];

/**
 * A row's stock item as the product page would save it: the stored item with the row's fields
 * over it, parsed whole with the page's schema (its cross-field rules). A field the row takes off
 * "Use Config Settings" without a value of its own starts from the global value, as the page
 * shows it (inventory-rules §1.2); one left on it keeps what is stored, which nothing reads.
 */
export function mergeStockItem(
  stored: StockItemValues,
  patch: Partial<StockItemValues>,
  config: InventoryConfig,
): { item: StockItemValues; problems: [] } | { item: null; problems: CellProblem[] } {
  const base: Record<string, unknown> = { ...stored };
  for (const field of OVERRIDABLE) {
    const flag = USE_CONFIG_FLAGS[field];
    if (stored[flag] && patch[flag] === false && patch[field] === undefined) base[field] = config[field];
  }
  const merged = stockItemSchema.safeParse({ ...base, ...patch });
  return merged.success ? { item: merged.data, problems: [] } : { item: null, problems: stockItemProblems(merged.error.issues) };
}

/** A Stock Sources row as the source item calls take it: every column for Add/Update and Replace, the key for Delete. */
export function parseStockSourceRow(
  behavior: ImportBehavior,
  columns: readonly string[],
  cells: readonly string[],
): { item: SourceItemInput | SourceItemKey | null; key: { sku: string; source_code: string }; problems: CellProblem[] } {
  const input: Record<string, string> = {};
  columns.forEach((column, i) => {
    const cell = cells[i] ?? "";
    input[column] = column === "sku" || column === "source_code" ? unescapeFormula(cell) : cell;
  });
  const key = { sku: input.sku ?? "", source_code: input.source_code ?? "" };
  const parsed =
    behavior === "delete"
      ? sourceItemKeySchema.safeParse({ sku: input.sku, source_code: input.source_code })
      : sourceItemSchema.safeParse({ sku: input.sku, source_code: input.source_code, quantity: input.quantity, status: input.status });
  if (parsed.success) return { item: parsed.data, key: { sku: parsed.data.sku, source_code: parsed.data.source_code }, problems: [] };
  const problems = parsed.error.issues.map((issue) => ({ column: issue.path.length > 0 ? String(issue.path[0]) : null, message: issue.message }));
  return { item: null, key, problems };
}
