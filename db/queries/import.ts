import { isUtf8 } from "node:buffer";
import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import {
  FILE_EMPTY,
  headerProblems,
  ImportRefusal,
  importRefused,
  MAX_LISTED_ERRORS,
  NOT_UTF8,
  PRODUCTS_APPEND_ONLY,
  type CsvEntity,
  type ImportBehavior,
  type ImportReport,
  type ImportStrategy,
} from "@/lib/catalog-csv";
import type { ReportProgress } from "@/lib/progress";
import { invalid } from "@/lib/refusal";
import type { CellProblem } from "@/lib/validation/import";
import { engineKind, transaction, yieldToOtherRequests, type Conn, type Tx } from "../connection";
import { writeAudit, type AuditEntry } from "./audit";
import { productImport } from "./import-products";
import { stockSourceImport } from "./import-stock-sources";

/*
 * System > Data Transfer > Import and POST /V1/import/csv: a CSV file read as a stream, a batch of
 * rows at a time, each checked with the admin forms' schemas and the saves' own rules. "Check
 * Data" reads the store as committed and writes nothing; an import checks again and writes in one
 * transaction, so a file is imported whole or not at all.
 */

/** One data row: its line in the file, its cells (trimmed) and what is wrong with its shape. */
export interface CsvRow {
  line: number;
  cells: string[];
  problems: CellProblem[];
}

/** What a batch found of one row: no problems = valid (and written, when the batch writes). */
export interface RowOutcome {
  line: number;
  problems: CellProblem[];
}

/** An entity's import: validates batches against the database, writes the valid rows of a batch when told to. */
export interface EntityImport {
  /** `tx`: write the batch's valid rows there; null: only check them. */
  batch(rows: readonly CsvRow[], tx: Tx | null): Promise<RowOutcome[]>;
  /** After the last batch of an import: what needs the whole file (Replace's unassignments). */
  finish(tx: Tx): Promise<void>;
  /** Waits for the writes a batch handed on without waiting (none unless the entity overlaps them). */
  drain(): Promise<void>;
  readonly figures: Pick<ImportReport, "entities" | "created" | "updated" | "deleted" | "unchanged" | "statusSwitched">;
  /** The SKUs the import changed, for its audit entry. */
  readonly changedSkus: ReadonlySet<string>;
}

export interface ImportInput {
  entity: CsvEntity;
  behavior: ImportBehavior;
  /** The file's bytes, in order; read once. */
  file: AsyncIterable<Uint8Array>;
  /** The data rows the file holds, when counted beforehand: the progress bar's total. */
  expectedRows?: number | null;
  /** Magento's Field Separator (","). */
  delimiter?: string;
  report?: ReportProgress;
}

export interface ImportRun extends ImportInput {
  strategy: ImportStrategy;
  actor: AuditEntry["actor"];
  /** Where the file came from, for the Action Log: its name, or the REST call. */
  origin?: string;
}

const BATCH = 2000;
/** A longer record is a quote left open, not a row: stop before it fills the memory. */
const MAX_RECORD_BYTES = 1024 * 1024;

/** A problem with the file as a whole (its header, syntax or encoding), at the line where it showed. */
class FileProblem extends Error {
  readonly problems: CellProblem[];

  constructor(
    readonly line: number,
    problems: string | CellProblem[],
  ) {
    super(typeof problems === "string" ? problems : problems[0].message);
    this.problems = typeof problems === "string" ? [{ column: null, message: problems }] : problems;
  }
}

/** "Check Data": every problem of the file against the store as committed; nothing is written. */
export async function checkImport(db: Conn, input: ImportInput): Promise<ImportReport> {
  refuseBehavior(input);
  return (await importPass(db, input, null)).report;
}

/**
 * Checks the file again and writes its valid rows in one transaction with its audit entry, the
 * salable index and the stock alerts it raises. When the errors refuse it (importRefused) it throws
 * an ImportRefusal: everything rolls back.
 */
export async function runImport(db: Conn, input: ImportRun): Promise<ImportReport> {
  refuseBehavior(input);
  return transaction(db, async (tx) => {
    // On PostgreSQL a Products import reads through a connection of its own (see productImport).
    const reader = input.entity === "catalog_product" && engineKind(db) === "pg" ? db : tx;
    const { report, entity } = await importPass(tx, input, { strategy: input.strategy, tx, reader });
    if (!entity || importRefused(report, input.strategy)) throw new ImportRefusal(report);
    await entity.finish(tx);
    Object.assign(report, entity.figures);
    const skus = [...entity.changedSkus];
    if (skus.length > 0) {
      await writeAudit(tx, {
        actor: input.actor,
        action: "import",
        entityType: input.entity === "catalog_product" ? "product" : "source_item",
        skus,
        details: { behavior: input.behavior, origin: input.origin ?? null, rows: report.rows, ...entity.figures },
      });
    }
    return report;
  });
}

/** Magento's Products import of stock columns has nothing to replace or delete. */
function refuseBehavior(input: ImportInput) {
  if (input.entity === "catalog_product" && input.behavior !== "append") throw invalid(PRODUCTS_APPEND_ONLY, {}, "behavior");
}

function emptyReport(entity: CsvEntity, behavior: ImportBehavior): ImportReport {
  return { entity, behavior, rows: 0, entities: 0, invalidRows: 0, totalErrors: 0, errors: [], fileError: false, created: 0, updated: 0, deleted: 0, unchanged: 0, statusSwitched: 0 };
}

function addProblems(report: ImportReport, line: number, problems: readonly CellProblem[]) {
  if (problems.length === 0) return;
  report.invalidRows++;
  report.totalErrors += problems.length;
  for (const problem of problems) {
    if (report.errors.length < MAX_LISTED_ERRORS) report.errors.push({ line, column: problem.column, message: problem.message });
  }
}

/**
 * One pass over the file: the header, then batches of rows through the entity's import. With a
 * strategy the valid rows are written, until the errors found mean nothing will be imported.
 */
async function importPass(
  conn: Conn,
  input: ImportInput,
  writing: { strategy: ImportStrategy; tx: Tx; reader: Conn } | null,
): Promise<{ report: ImportReport; entity: EntityImport | null }> {
  const report = emptyReport(input.entity, input.behavior);
  let entity: EntityImport | null = null;
  let width = 0;
  let batch: CsvRow[] = [];
  let inFlight: Promise<void> = Promise.resolve();
  /**
   * Hands a full batch on, once the one before it is done. It runs while the next one is read from
   * the file: its statements wait on the database (PostgreSQL's own process), the reading on the CPU.
   */
  const flush = async () => {
    await inFlight;
    if (!entity || batch.length === 0) return;
    const [rows, importing] = [batch, entity];
    batch = [];
    inFlight = (async () => {
      const outcomes = await importing.batch(rows, writing && !importRefused(report, writing.strategy) ? writing.tx : null);
      for (const outcome of outcomes) addProblems(report, outcome.line, outcome.problems);
      report.rows += rows.length;
      // The count made on upload may miss a blank line or two: never report past the total.
      input.report?.(report.rows, input.expectedRows == null ? null : Math.max(input.expectedRows, report.rows));
      await yieldToOtherRequests();
    })();
    // Awaited by the next flush; until then a failure must not count as unhandled.
    inFlight.catch(() => undefined);
  };
  try {
    for await (const row of csvRows(input.file, input.delimiter ?? ",")) {
      if (!entity) {
        const problems = headerProblems(input.entity, input.behavior, row.cells);
        if (problems.length > 0) throw new FileProblem(row.line, problems);
        width = row.cells.length;
        entity = await (input.entity === "catalog_product"
          ? productImport(writing?.reader ?? conn, row.cells)
          : stockSourceImport(conn, input.behavior, row.cells));
        continue;
      }
      if (row.cells.length !== width) {
        row.problems.push({ column: null, message: `This row has ${row.cells.length} values; the header names ${width} columns.` });
      }
      batch.push(row);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    await inFlight;
    await entity?.drain();
    if (report.rows === 0) throw new FileProblem(entity ? 2 : 1, FILE_EMPTY);
  } catch (error) {
    // The batch in flight finishes before the pass ends: its transaction is the caller's to end.
    await inFlight.catch(() => undefined);
    // Nor may a write still run on it when the caller rolls back.
    await entity?.drain().catch(() => undefined);
    if (!(error instanceof FileProblem)) throw error;
    report.fileError = true;
    addProblems(report, error.line, error.problems);
  }
  if (entity) report.entities = entity.figures.entities;
  input.report?.(report.rows, report.rows);
  return { report, entity };
}

/** The file's records, as csv-parse reads them; problems with the file as a whole are FileProblems. */
async function* csvRows(file: AsyncIterable<Uint8Array>, delimiter: string): AsyncGenerator<CsvRow> {
  const parser = parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    max_record_size: MAX_RECORD_BYTES,
    info: true,
  });
  const source = Readable.from(utf8Chunks(file, () => parser.info.lines + 1));
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: info.lines, cells: record.map((cell) => cell.trim()), problems: [] };
    }
  } catch (error) {
    if (error instanceof CsvError) throw new FileProblem(Number(error.lines ?? parser.info.lines), csvErrorMessage(error));
    throw error;
  } finally {
    source.destroy();
    parser.destroy();
  }
}

function csvErrorMessage(error: CsvError): string {
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "A quoted value is not closed: the file ends inside quotes.";
    case "CSV_MAX_RECORD_SIZE":
      return "A quoted value is not closed: the row goes on for more than 1 MB.";
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return "A closing quote is followed by other characters: a quote inside a value must be doubled (\"\").";
    case "INVALID_OPENING_QUOTE":
      return "A quote starts in the middle of a value: put the whole value in quotes and double the quote (\"\").";
    default:
      return "The file is not valid CSV.";
  }
}

/**
 * The file's bytes, refused unless they are UTF-8 (Magento reads import files as UTF-8). A
 * character split between two chunks is carried over to the next.
 */
async function* utf8Chunks(file: AsyncIterable<Uint8Array>, line: () => number): AsyncGenerator<Buffer> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of file) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const whole = completeLength(bytes);
    if (!isUtf8(bytes.subarray(0, whole))) throw new FileProblem(line(), NOT_UTF8);
    carry = Buffer.from(bytes.subarray(whole));
    yield bytes.subarray(0, whole);
  }
  if (carry.length > 0) throw new FileProblem(line(), NOT_UTF8);
}

/** Bytes up to the last whole character: a lead byte among the last three whose character is cut off starts the carry. */
function completeLength(bytes: Buffer): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 3); i--) {
    const byte = bytes[i];
    if (byte < 0x80) return bytes.length;
    if (byte >= 0xc0) {
      const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return i + size <= bytes.length ? bytes.length : i;
    }
  }
  return bytes.length;
}
