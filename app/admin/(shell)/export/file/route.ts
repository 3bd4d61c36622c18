import { exportHeader, readExportChunk } from "@/db/queries/catalog-export";
import { csvLines } from "@/lib/csv";
import { exportFileName, parseExportParams } from "@/lib/validation/export";
import { requireResource } from "@/server/auth/guard";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

const CHUNK = 1000;

/**
 * System > Data Transfer > Export as a CSV download, admin only: the header, then the rows of the
 * chosen products in keyset-paged chunks, so a large catalog streams and never sits in memory.
 * Each chunk reads the latest commit: a product saved during a long export shows its new values.
 */
export async function GET(request: Request) {
  await requireResource("Magento_ImportExport::export");
  const { entity, filter } = parseExportParams(Object.fromEntries(new URL(request.url).searchParams));
  const db = await getDb();
  const encoder = new TextEncoder();
  let after: number | null = 0;
  let headerSent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvLines([[...exportHeader(entity)]])));
        return;
      }
      if (after === null) return controller.close();
      const chunk = await readExportChunk(db, entity, filter, after, CHUNK);
      // SKUs and source codes are merchants' text: csvLines neutralises formulas; figures stay numbers.
      if (chunk.rows.length > 0) controller.enqueue(encoder.encode(csvLines(chunk.rows)));
      after = chunk.next;
      if (after === null) controller.close();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(entity, new Date())}"`,
      "Cache-Control": "no-store",
    },
  });
}
