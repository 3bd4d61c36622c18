import { notFound } from "next/navigation";
import { getDb } from "@/server/db";
import { getStoreContext, type StoreContext } from "@/db/queries/storefront";
import { getStoreByCode } from "@/db/queries/stores";

/** A store view to preview, or one that exists but is disabled (shoppers cannot reach it). */
type PreviewStore =
  | { ctx: StoreContext; disabled?: undefined }
  | { ctx?: undefined; disabled: { code: string; name: string; locale: string } };

/** The store view of `?store=` (the default store view when absent); an unknown one is a 404. */
export async function previewStoreOrNotFound(store: string | string[] | undefined): Promise<PreviewStore> {
  const code = typeof store === "string" && store !== "" ? store : "default";
  const db = await getDb();
  const ctx = await getStoreContext(db, code);
  if (ctx) return { ctx };
  const disabled = await getStoreByCode(db, code);
  if (!disabled) notFound();
  return { disabled: { code: disabled.code, name: disabled.name, locale: disabled.locale } };
}

/** A storefront URL that keeps the chosen store view (the default one needs no parameter). */
export function storeHref(path: string, storeCode: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(storeCode === "default" ? extra : { store: storeCode, ...extra });
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
