import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { checkImport, runImport } from "@/db/queries/import";
import { ACCESS_DENIED, isAllowed } from "@/lib/auth/acl";
import { csvRowCounter, FILE_TOO_LARGE, ImportRefusal, MAX_IMPORT_BYTES, STOP_ON_ERROR, type ImportReport } from "@/lib/catalog-csv";
import type { ProgressEvent } from "@/lib/progress";
import { Refusal } from "@/lib/refusal";
import { importParamsSchema } from "@/lib/validation/import";
import { requireAdmin } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { fromOwnPages, progressResponse } from "@/server/progress-stream";

class TooLarge extends Error {}

interface Upload {
  file: string;
  /** Data rows counted on the way in: the progress bar's total. */
  rows: number;
  remove(): Promise<void>;
}

/**
 * The request body written to a temp file as it arrives, never held in memory, and counted: the
 * import then reads it from the local disk, so its transaction never waits on a slow upload.
 */
async function spool(body: ReadableStream<Uint8Array> | null): Promise<Upload> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "stockroom-import-"));
  const remove = () => fs.promises.rm(dir, { recursive: true, force: true });
  const file = path.join(dir, "upload.csv");
  const counter = csvRowCounter();
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > MAX_IMPORT_BYTES) return done(new TooLarge());
      counter.add(chunk);
      done(null, chunk);
    },
  });
  try {
    const source = body ? Readable.fromWeb(body as NodeReadableStream<Uint8Array>) : Readable.from([]);
    await pipeline(source, measure, fs.createWriteStream(file));
  } catch (error) {
    await remove();
    throw error;
  }
  return { file, rows: counter.rows(), remove };
}

/** An import's refusal as the page lists it: the file's rows in error, or the form's field. */
function refusedEvent(refusal: Refusal): ProgressEvent<ImportReport> & { type: "refused" } {
  if (refusal instanceof ImportRefusal) return { type: "refused", message: refusal.message, rows: refusal.report.errors };
  return { type: "refused", message: refusal.message, ...(refusal.field ? { fieldErrors: { [refusal.field]: refusal.message } } : {}) };
}

const refuse = (message: string) =>
  progressResponse(async () => {
    throw new Refusal("invalid", message);
  }, refusedEvent);

/**
 * System > Data Transfer > Import's "Check Data" and "Import": the browser posts the file itself
 * as the body (a multipart form would be buffered whole), entity and behaviour in the query
 * string. The body goes to a temp file, then the check or the import streams its progress. Stateless:
 * the browser keeps the file and sends it again to import it, and the import checks it again.
 */
export async function importUploadResponse(request: Request, mode: "check" | "import"): Promise<Response> {
  const admin = await requireAdmin();
  if (!fromOwnPages(request)) return new Response("Forbidden", { status: 403 });
  if (!isAllowed(admin.acl, "Magento_ImportExport::import")) return refuse(ACCESS_DENIED);
  const params = importParamsSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!params.success) return refuse(params.error.issues[0].message);
  if (Number(request.headers.get("content-length") ?? "0") > MAX_IMPORT_BYTES) return new Response(FILE_TOO_LARGE, { status: 413 });
  let upload: Upload;
  try {
    upload = await spool(request.body);
  } catch (error) {
    if (error instanceof TooLarge) return new Response(FILE_TOO_LARGE, { status: 413 });
    throw error;
  }
  const { entity, behavior, name } = params.data;
  const db = await getDb();
  return progressResponse(async (report) => {
    try {
      const input = { entity, behavior, file: fs.createReadStream(upload.file), expectedRows: upload.rows, report };
      if (mode === "check") return await checkImport(db, input);
      const actor = { id: admin.id, username: admin.username, via: "import" as const };
      return await runImport(db, { ...input, strategy: STOP_ON_ERROR, actor, origin: name });
    } finally {
      await upload.remove();
    }
  }, refusedEvent);
}
