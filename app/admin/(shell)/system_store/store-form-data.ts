import "server-only";
import { listStoreGroups, listWebsites } from "@/db/queries/stores";
import type { Conn } from "@/db/connection";
import { idField } from "@/lib/validation/fields";

/** The id in an edit page's URL, or null when it is not one (the page answers 404). */
export function idFromUrl(raw: string): number | null {
  const parsed = idField().safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export async function websiteChoices(db: Conn) {
  return (await listWebsites(db)).map((w) => ({ value: String(w.id), label: w.name }));
}

/** Stores as "Web site / Store", for the Store View form. */
export async function groupChoices(db: Conn) {
  return (await listStoreGroups(db)).map((g) => ({ value: String(g.id), label: `${g.websiteName} / ${g.name}` }));
}
