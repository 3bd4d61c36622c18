"use server";

import { revertAuditEntry } from "@/db/queries/audit-revert";
import { revertEntrySchema } from "@/lib/validation/action-log";
import { serverAction } from "@/server/action";

// The button sends nothing a person typed: input it refuses came from an outdated or edited page.
const NOT_REVERTED = "The change could not be reverted. Reload the page and try again.";

/** Revert on an Action Log entry: the id only; revertAuditEntry reads the entry and the current values again. */
export const revertAuditEntryAction = serverAction({
  resource: "Magento_Logging::magento_logging",
  schema: revertEntrySchema,
  invalidMessage: NOT_REVERTED,
  run: async ({ id, view }, { db, admin }) => {
    await revertAuditEntry(db, id, admin, admin!.acl);
    return view;
  },
  // A configuration or product save reaches every screen: grids, product pages, storefront, dashboard.
  revalidate: ["/"],
  done: (view) => ({ redirect: view, flash: [{ kind: "success", text: "The change was reverted." }] }),
});
