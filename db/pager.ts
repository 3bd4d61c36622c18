import { and, asc, desc, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { MAX_INT4 } from "@/lib/validation/fields";

/**
 * A keyset pager for grids sorted in SQL: Next / Previous read from a cursor, so a page deep in a
 * large listing costs what the first does; a page typed by number is found by offset. A listing
 * is one or more segments (e.g. rows with a figure, then rows without one, like NULLs last).
 */

type Dir = "asc" | "desc";
export type SortKey = string | number;

/** Where a row sits in a sorted listing: its segment, sort value and id (ties broken by id). */
interface Cursor {
  seg: number;
  key: SortKey;
  id: number;
}

/**
 * What a segment sorts by: an SQL expression or column and the kind of its values, which a
 * cursor's key must match. A cursor comes back from the URL, and PostgreSQL refuses to compare
 * an integer column with text, or with a number beyond its range.
 */
export interface SortKeyColumn {
  sql: SQL | AnySQLiteColumn;
  kind: "integer" | "real" | "text";
}

export interface KeyedRow {
  id: number;
  sortKey: SortKey;
}

/**
 * One ordered stretch of the listing, read with an index wherever the sort allows: rows after a
 * cursor (keyset) or after skipping `offset` rows (a page typed by number), in `dir` order.
 */
export interface Segment<R extends KeyedRow> {
  seg: number;
  /** Whether a cursor's key can be compared with this segment's sort key. */
  accepts(key: SortKey): boolean;
  rows(dir: Dir, after: Cursor | undefined, limit: number, offset: number): Promise<R[]>;
  count(): Promise<number>;
}

/** How a segment reads: its rows query (filters and cursor as `where`) and its count. */
export interface SegmentSource<R extends KeyedRow> {
  rows(where: SQL | undefined, orderBy: SQL[], limit: number, offset: number): Promise<R[]>;
  count(where: SQL | undefined): Promise<number>;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.seg, cursor.key, cursor.id])).toString("base64url");
}

function decodeCursor(text: string | undefined): Cursor | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString());
    if (!Array.isArray(value) || value.length !== 3) return undefined;
    const [seg, key, id] = value;
    const keyOk = (typeof key === "string" && !key.includes("\0")) || (typeof key === "number" && Number.isFinite(key));
    if ((seg === 0 || seg === 1) && keyOk && isInt4(id)) return { seg, key, id };
  } catch {
    // A hand-edited cursor is ignored: the page is then found by its number.
  }
  return undefined;
}

const isInt4 = (n: unknown): n is number => Number.isInteger(n) && Math.abs(n as number) <= MAX_INT4;

function keyMatches(kind: SortKeyColumn["kind"], key: SortKey): boolean {
  if (kind === "text") return typeof key === "string";
  return kind === "integer" ? isInt4(key) : typeof key === "number";
}

const order = (dir: Dir, column: SQL | AnySQLiteColumn) => (dir === "asc" ? asc(column) : desc(column));

function keyset(dir: Dir, key: SQL | AnySQLiteColumn | null, id: AnySQLiteColumn, after: Cursor | undefined) {
  if (!after) return undefined;
  const op = dir === "asc" ? sql.raw(">") : sql.raw("<");
  return key ? sql`(${key}, ${id}) ${op} (${after.key}, ${after.id})` : sql`${id} ${op} ${after.id}`;
}

/** A segment ordered by its key (none: by id alone), then id. */
export function segment<R extends KeyedRow>(
  seg: number,
  source: SegmentSource<R>,
  where: (SQL | undefined)[],
  sortKey: SortKeyColumn | null,
  id: AnySQLiteColumn,
): Segment<R> {
  const key = sortKey?.sql ?? null;
  return {
    seg,
    accepts: (value) => !sortKey || keyMatches(sortKey.kind, value),
    rows: (dir, after, limit, offset) =>
      source.rows(and(...where, keyset(dir, key, id, after)), [...(key ? [order(dir, key)] : []), order(dir, id)], limit, offset),
    count: () => source.count(and(...where)),
  };
}

interface Placed<R extends KeyedRow> {
  row: R;
  cursor: Cursor;
}

/**
 * Up to `want` rows from a cursor (exclusive) or an offset, segment after segment. A segment's
 * rows are counted only when a typed page number starts beyond it.
 */
async function walk<R extends KeyedRow>(
  segments: Segment<R>[],
  dir: Dir,
  from: Cursor | undefined,
  offset: number,
  want: number,
): Promise<Placed<R>[]> {
  const placed: Placed<R>[] = [];
  let skip = offset;
  const start = from ? Math.max(0, segments.findIndex((s) => s.seg === from.seg)) : 0;
  for (let i = start; i < segments.length && placed.length < want; i++) {
    const current = segments[i];
    const after = from && current.seg === from.seg ? from : undefined;
    const rows = await current.rows(dir, after, want - placed.length, skip);
    skip = rows.length === 0 && skip > 0 ? Math.max(0, skip - (await current.count())) : 0;
    for (const row of rows) placed.push({ row, cursor: { seg: current.seg, key: row.sortKey, id: row.id } });
  }
  return placed;
}

export interface PageRequest {
  dir: Dir;
  /** 1-based page number asked for. */
  page: number;
  limit: number;
  after?: string;
  before?: string;
}

export interface Page<R> {
  rows: R[];
  /** The page shown (a page past the end shows the last one). */
  page: number;
  pages: number;
  /** Keyset cursors for the Next / Previous links; null where there is no such page. */
  nextCursor: string | null;
  prevCursor: string | null;
}

/** One page of a listing of `total` rows: from the Next / Previous cursor, else by page number. */
export async function readPage<R extends KeyedRow>(segments: Segment<R>[], request: PageRequest, total: number): Promise<Page<R>> {
  const pages = Math.max(1, Math.ceil(total / request.limit));
  const flip: Dir = request.dir === "asc" ? "desc" : "asc";
  // A cursor is the URL's: one that no segment of this listing could have written is ignored.
  const fits = (cursor: Cursor | undefined) => (cursor && segments.some((s) => s.seg === cursor.seg && s.accepts(cursor.key)) ? cursor : undefined);
  const after = fits(decodeCursor(request.after));
  const before = fits(decodeCursor(request.before));

  // Next / Previous carry a cursor: read from it, whatever the page number says.
  let placed: Placed<R>[] | null = null;
  let hasNext = false;
  let page = Math.min(request.page, pages);
  if (request.page > 1 && after) {
    const rows = await walk(segments, request.dir, after, 0, request.limit + 1);
    if (rows.length > 0) {
      placed = rows.slice(0, request.limit);
      hasNext = rows.length > request.limit;
      page = request.page;
    }
  } else if (request.page > 1 && before) {
    const back = await walk([...segments].reverse(), flip, before, 0, request.limit + 1);
    // More than a page before the cursor: not the first page. Otherwise it is the first.
    if (back.length > request.limit) {
      placed = back.slice(0, request.limit).reverse();
      hasNext = true;
      page = request.page;
    } else {
      page = 1;
    }
  }
  if (!placed) {
    const rows = await walk(segments, request.dir, undefined, (page - 1) * request.limit, request.limit + 1);
    placed = rows.slice(0, request.limit);
    hasNext = rows.length > request.limit;
  }
  return {
    rows: placed.map((p) => p.row),
    page,
    pages: Math.max(pages, page),
    nextCursor: hasNext ? encodeCursor(placed[placed.length - 1].cursor) : null,
    prevCursor: page > 1 && placed.length > 0 ? encodeCursor(placed[0].cursor) : null,
  };
}
