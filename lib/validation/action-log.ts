import { z } from "zod";
import { idField } from "./fields";
import { firstParam, pageParam, PAGE_SIZES, textParam } from "./grid";

export const ACTION_LOG_PATH = "/admin/logging";

/** Where a change was made: an admin page, the REST API, an import, or the store itself (no admin). */
export const AUDIT_SOURCES = ["admin", "rest", "import", "system"] as const;
export type AuditSource = (typeof AUDIT_SOURCES)[number];

/** A stored value as the Action Log records it: text, a number, Yes/No, or null (inherit, "Use Config Settings"). */
export type AuditValue = string | number | boolean | null;

/** One field of a change, old → new: what System > Action Log shows and what a revert restores. */
export interface AuditChange {
  /** The machine name: a configuration path, a product form field ("backorders"). */
  field: string;
  /** What the admin reads ("Backorders"). */
  label: string;
  old: AuditValue;
  new: AuditValue;
}

const auditValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const auditChanges = z.array(z.object({ field: z.string(), label: z.string(), old: auditValue, new: auditValue }));

/** An entry's `changes` column; null when it has none or is not the list writeAudit stores. */
export function parseAuditChanges(json: string | null): AuditChange[] | null {
  if (json === null) return null;
  try {
    const parsed = auditChanges.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A view of System > Action Log; all of it lives in the URL so it can be shared and reloaded. */
export interface ActionLogQuery {
  /** Days (YYYY-MM-DD, UTC) the entries were written from and to, both included. */
  from?: string;
  to?: string;
  /** An admin's username. */
  user?: string;
  source?: AuditSource;
  entityType?: string;
  sku?: string;
  page: number;
  limit: (typeof PAGE_SIZES)[number];
  /** Keyset cursors the Next / Previous links carry (opaque, written by the pager). */
  after?: string;
  before?: string;
}

type RawParams = Record<string, string | string[] | undefined>;

// PostgreSQL refuses to compare text holding a NUL; no username or SKU has a control character.
const text = (max: number) =>
  z.string().trim().min(1).max(max).regex(/^[^\u0000-\u001f\u007f]*$/).optional().catch(undefined);
/** A real calendar day: "2024-02-30" is refused, as the browser's date input would. */
const day = z.iso.date().optional().catch(undefined);
const entityType = z.string().regex(/^[a-z_]{1,40}$/).optional().catch(undefined);

/** Reads a view from the URL: an unknown or malformed value falls back to the default, never fails. */
export function parseActionLogQuery(params: RawParams): ActionLogQuery {
  const get = (key: string) => firstParam(params[key]);
  const limit = Number(get("limit"));
  return {
    from: day.parse(get("from")),
    to: day.parse(get("to")),
    user: text(255).parse(get("user")),
    source: z.enum(AUDIT_SOURCES).optional().catch(undefined).parse(get("where")),
    entityType: entityType.parse(get("entity")),
    sku: text(64).parse(get("sku")),
    page: pageParam.parse(get("page") ?? 1),
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? (limit as ActionLogQuery["limit"]) : PAGE_SIZES[0],
    after: textParam.parse(get("after")),
    before: textParam.parse(get("before")),
  };
}

/** The view's URL with some of it changed; defaults are left out so links stay short. */
export function actionLogHref(query: ActionLogQuery, change: Partial<ActionLogQuery> = {}): string {
  const next = { ...query, ...change };
  const p = new URLSearchParams();
  if (next.from) p.set("from", next.from);
  if (next.to) p.set("to", next.to);
  if (next.user) p.set("user", next.user);
  if (next.source) p.set("where", next.source);
  if (next.entityType) p.set("entity", next.entityType);
  if (next.sku) p.set("sku", next.sku);
  if (next.limit !== PAGE_SIZES[0]) p.set("limit", String(next.limit));
  if (next.page !== 1) p.set("page", String(next.page));
  if (next.after) p.set("after", next.after);
  if (next.before) p.set("before", next.before);
  return p.size > 0 ? `${ACTION_LOG_PATH}?${p}` : ACTION_LOG_PATH;
}

/** The first moment after a day (UTC), for an inclusive "to" filter on ISO timestamps. */
export function dayAfter(isoDay: string): string {
  const next = new Date(`${isoDay}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

/** Revert on an entry: only its id; the server reads the entry and the current values again. */
export const revertEntrySchema = z.object({
  id: idField(),
  /** The view to come back to, read with the URL's own parser and written out again. */
  view: z
    .string()
    .max(2048)
    .catch("")
    .transform((search) => actionLogHref(parseActionLogQuery(Object.fromEntries(new URLSearchParams(search))))),
});
