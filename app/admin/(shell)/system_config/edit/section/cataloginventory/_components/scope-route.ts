import { CONFIG_GROUPS, type ConfigGroupId, type Scope } from "@/lib/inventory";

// The page's URL lives in lib: System > Action Log links its entries to it too.
export { configPageHref } from "@/lib/validation/config";

const SEGMENT_SCOPES: Record<string, Scope> = { website: "websites", store: "stores" };

/** The scope named by the URL's segments after the section, or null for any other shape. */
export function scopeFromSegments(segments: readonly string[] | undefined): { scope: Scope; scopeId: number } | null {
  if (!segments || segments.length === 0) return { scope: "default", scopeId: 0 };
  const [kind, id] = segments;
  const scope = SEGMENT_SCOPES[kind];
  // Ids are the database's integers: PostgreSQL refuses to compare a larger number with one.
  if (segments.length !== 2 || !scope || !/^[1-9]\d{0,9}$/.test(id) || Number(id) > 2147483647) return null;
  return { scope, scopeId: Number(id) };
}

/** Ids of the groups the merchant collapsed; read by the page, written on toggle. */
export const COLLAPSED_GROUPS_COOKIE = "stockroom_config_collapsed";

/**
 * The cookie's value: the ids joined with commas, URI-encoded (a comma is no cookie-octet).
 * The one writer of the format collapsedGroupsFrom reads, so the two cannot drift apart.
 */
export function collapsedGroupsCookieValue(ids: Iterable<string>): string {
  return encodeURIComponent([...ids].join(","));
}

/** The collapsed groups the cookie names (Next hands over the value decoded); unknown ids dropped. */
export function collapsedGroupsFrom(value: string | undefined): ConfigGroupId[] {
  const ids = new Set(value?.split(","));
  return CONFIG_GROUPS.filter((group) => ids.has(group.id)).map((group) => group.id);
}

/** The product grid filtered to the given products (the grid reads `ids`). */
export function productGridHref(ids: readonly number[]): string {
  return `/admin/catalog/product?ids=${ids.join(",")}`;
}

/** The row of a field, for links to it: Magento's `row_<path with underscores>`. */
export function fieldRowId(path: string): string {
  return `row_${fieldInputId(path)}`;
}

/** The input of a field: Magento's id, the path with underscores. */
export function fieldInputId(path: string): string {
  return path.replaceAll("/", "_");
}
