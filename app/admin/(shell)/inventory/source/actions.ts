"use server";

import { z } from "zod";
import { saveSource } from "@/db/queries/sources";
import { codeField } from "@/lib/validation/fields";
import { sourceSchema } from "@/lib/validation/msi";
import { serverAction } from "@/server/action";

const save = serverAction({
  resource: "Magento_InventoryApi::source_edit",
  // The code the page was opened for: any client can send anything, so it is held to a code's shape too.
  schema: z.object({ originalCode: codeField().nullable(), values: sourceSchema }),
  fieldsUnder: "values",
  async run({ originalCode, values }, { db, admin }) {
    // The code is the source's identity: an edit keeps the one in the URL.
    const input = originalCode === null ? values : { ...values, source_code: originalCode };
    await saveSource(db, input, admin!, originalCode === null ? "create" : "update");
    return input.source_code;
  },
  // Source state moves salable figures everywhere: grid, product pages, storefront.
  revalidate: ["/"],
  done: (code) => ({
    redirect: `/admin/inventory/source/edit/source_code/${encodeURIComponent(code)}`,
    flash: [{ kind: "success", text: "You saved the source." }],
  }),
});

/** New Source (originalCode null) or Edit Source: the same schema and query as the REST API. */
export async function saveSourceAction(originalCode: string | null, values: unknown) {
  return save({ originalCode, values });
}
