"use server";

import { z } from "zod";
import { IMPORT_DONE } from "@/lib/catalog-csv";
import { serverAction } from "@/server/action";

/**
 * After the import's stream answered "done": every page that shows stock is revalidated (the
 * stream's own response was long gone by the time the import committed). It writes nothing.
 */
export const finishImportAction = serverAction({
  resource: "Magento_ImportExport::import",
  schema: z.object({}),
  run: async () => null,
  revalidate: ["/"],
  done: () => ({ message: IMPORT_DONE }),
});
