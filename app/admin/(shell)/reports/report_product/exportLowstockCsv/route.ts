import { getDb } from "@/server/db";
import { listLowStock, type LowStockCursor } from "@/db/queries/low-stock";
import { requireResource } from "@/server/auth/guard";
import { csvLines } from "@/lib/csv";
import { round4 } from "@/lib/inventory";

export const dynamic = "force-dynamic";

const CHUNK = 1000;

/**
 * The Low Stock report as CSV (inventory-rules §9), admin only: a signed-out request is redirected to
 * sign-in like every admin URL. Streamed in keyset-paged chunks, so a long report never sits
 * in memory at once.
 */
export async function GET() {
  await requireResource("Magento_Reports::lowstock");
  const db = await getDb();
  const encoder = new TextEncoder();
  let after: LowStockCursor | undefined;
  let headerSent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvLines([["Product", "SKU", "Quantity", "Source Code"]])));
        return;
      }
      const rows = await listLowStock(db, { limit: CHUNK, after });
      if (rows.length > 0) {
        // Names and SKUs are merchants' text: csvLines neutralises formulas; the quantity stays a number.
        controller.enqueue(encoder.encode(csvLines(rows.map((r) => [r.productName, r.sku, round4(r.quantity), r.sourceCode]))));
        const last = rows[rows.length - 1];
        after = { quantity: last.quantity, sku: last.sku, sourceCode: last.sourceCode };
      }
      if (rows.length < CHUNK) controller.close();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="lowstock.csv"',
      "Cache-Control": "no-store",
    },
  });
}
