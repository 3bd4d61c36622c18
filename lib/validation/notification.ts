import { z } from "zod";
import { STOCK_ALERT_KINDS, type StockAlertKind } from "@/lib/inventory";
import { idField } from "./fields";
import { firstParam, pageParam, PAGE_SIZES, textParam } from "./grid";

export const NOTIFICATION_PATH = "/admin/notification";

/** A view of System > Notifications; all of it lives in the URL so it can be shared and reloaded. */
export interface NotificationQuery {
  unreadOnly: boolean;
  kind?: StockAlertKind;
  page: number;
  limit: (typeof PAGE_SIZES)[number];
  /** Keyset cursors the Next / Previous links carry (opaque, written by the pager). */
  after?: string;
  before?: string;
}

type RawParams = Record<string, string | string[] | undefined>;


/** Reads a view from the URL: an unknown or malformed value falls back to the default, never fails. */
export function parseNotificationQuery(params: RawParams): NotificationQuery {
  const get = (key: string) => firstParam(params[key]);
  const limit = Number(get("limit"));
  return {
    unreadOnly: get("show") === "unread",
    kind: z.enum(STOCK_ALERT_KINDS).optional().catch(undefined).parse(get("type")),
    page: pageParam.parse(get("page") ?? 1),
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? (limit as NotificationQuery["limit"]) : PAGE_SIZES[0],
    after: textParam.parse(get("after")),
    before: textParam.parse(get("before")),
  };
}

/** The view's URL with some of it changed; defaults are left out so links stay short. */
export function notificationHref(query: NotificationQuery, change: Partial<NotificationQuery> = {}): string {
  const next = { ...query, ...change };
  const p = new URLSearchParams();
  if (next.unreadOnly) p.set("show", "unread");
  if (next.kind) p.set("type", next.kind);
  if (next.limit !== PAGE_SIZES[0]) p.set("limit", String(next.limit));
  if (next.page !== 1) p.set("page", String(next.page));
  if (next.after) p.set("after", next.after);
  if (next.before) p.set("before", next.before);
  return p.size > 0 ? `${NOTIFICATION_PATH}?${p}` : NOTIFICATION_PATH;
}

/**
 * The view to go back to after marking, sent as the page's query string: read with the URL's own
 * parser and written out again, so nothing the browser sends ends up in the redirect as it came.
 */
const viewField = z
  .string()
  .max(2048)
  .catch("")
  .transform((search) => notificationHref(parseNotificationQuery(Object.fromEntries(new URLSearchParams(search)))));

/** "Mark as Read" on one or more rows: only the ids; the server reads the alerts again. */
export const markAlertsReadSchema = z.object({
  ids: z.array(idField()).min(1).max(PAGE_SIZES[PAGE_SIZES.length - 1]),
  view: viewField,
});

/** "Mark All as Read": every unread alert up to the newest one the page showed. */
export const markAllAlertsReadSchema = z.object({ upToId: idField(), view: viewField });
