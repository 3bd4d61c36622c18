import { notFound } from "next/navigation";
import { getDb } from "@/server/db";
import { getStoreContext, type StoreContext } from "@/db/queries/storefront";

/** The store view of `?store=` (the default store view when absent); an unknown one is a 404. */
export async function storeContextOrNotFound(store: string | string[] | undefined): Promise<StoreContext> {
  const code = typeof store === "string" && store !== "" ? store : "default";
  const ctx = await getStoreContext(await getDb(), code);
  if (!ctx) notFound();
  return ctx;
}

/** A storefront URL that keeps the chosen store view (the default one needs no parameter). */
export function storeHref(path: string, storeCode: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(storeCode === "default" ? extra : { store: storeCode, ...extra });
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
