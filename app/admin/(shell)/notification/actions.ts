"use server";

import { markAlertsRead, markAllAlertsRead } from "@/db/queries/stock-alerts";
import { markAlertsReadSchema, markAllAlertsReadSchema } from "@/lib/validation/notification";
import { serverAction } from "@/server/action";

// The bell in the admin header shows the unread count on every admin page.
const SHOWING_THE_COUNT = ["/admin"];

// The buttons send nothing a person typed: input they refuse came from an outdated or edited page.
const NOT_MARKED = "The notifications could not be marked as Read. Reload the page and try again.";

/** "Mark as Read" on a row: the ids only; markAlertsRead reads the alerts again. */
export const markAlertsReadAction = serverAction({
  resource: "Magento_AdminNotification::mark_as_read",
  schema: markAlertsReadSchema,
  invalidMessage: NOT_MARKED,
  run: async ({ ids, view }, { db, admin }) => ({ marked: await markAlertsRead(db, ids, admin), view }),
  revalidate: SHOWING_THE_COUNT,
  // Magento's messages for one and for several.
  done: ({ marked, view }) => ({
    redirect: view,
    flash: [{ kind: "success", text: marked === 1 ? "The message has been marked as Read." : `A total of ${marked} record(s) have been marked as Read.` }],
  }),
});

/** "Mark All as Read": every unread alert up to the newest the page showed. */
export const markAllAlertsReadAction = serverAction({
  resource: "Magento_AdminNotification::mark_as_read",
  schema: markAllAlertsReadSchema,
  invalidMessage: NOT_MARKED,
  run: async ({ upToId, view }, { db, admin }) => ({ marked: await markAllAlertsRead(db, upToId, admin), view }),
  revalidate: SHOWING_THE_COUNT,
  done: ({ marked, view }) => ({ redirect: view, flash: [{ kind: "success", text: `A total of ${marked} record(s) have been marked as Read.` }] }),
});
