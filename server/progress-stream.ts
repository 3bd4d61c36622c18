import "server-only";
import { isBusyError } from "@/db/errors";
import type { ProgressEvent, ReportProgress } from "@/lib/progress";
import { Refusal } from "@/lib/refusal";
import { STORE_BUSY } from "@/lib/validation/result";

const FAILED = "Something went wrong and this may not have been saved. Reload the page to see what is stored, then try again.";
/** At most this often a progress line, so a fast pass does not flood the connection. */
const REPORT_EVERY_MS = 150;

/**
 * Runs a long admin write and answers with its progress as NDJSON (lib/progress.ts), for
 * components/admin/use-progress-post.ts. A write that throws a Refusal answers `refused` (its
 * transaction rolled back); anything else answers `failed` and is logged. Everything stays on the
 * server: the browser only reads.
 */
export function progressResponse<R>(
  work: (report: ReportProgress) => Promise<R>,
  refusalRows?: (refusal: Refusal) => ProgressEvent<R> & { type: "refused" },
): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: ProgressEvent<R>) => {
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        } catch {
          // The browser went away; the write goes on and commits or rolls back all the same.
        }
      };
      let last = 0;
      const report: ReportProgress = (done, total) => {
        const now = Date.now();
        if (now - last < REPORT_EVERY_MS && done !== total) return;
        last = now;
        send({ type: "progress", done, total });
      };
      try {
        send({ type: "done", result: await work(report) });
      } catch (error) {
        if (error instanceof Refusal) {
          send(refusalRows ? refusalRows(error) : { type: "refused", message: error.message, fieldErrors: refusalFields(error) });
        } else if (isBusyError(error)) {
          send({ type: "failed", message: STORE_BUSY });
        } else {
          console.error("Long admin write failed", error);
          send({ type: "failed", message: FAILED });
        }
      }
      try {
        controller.close();
      } catch {
        // Already closed by a departed browser.
      }
    },
  });
  return new Response(body, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}

function refusalFields(refusal: Refusal): Record<string, string> | undefined {
  const fields = { ...(refusal.field === undefined ? {} : { [refusal.field]: refusal.message }), ...refusal.fieldErrors };
  return Object.keys(fields).length > 0 ? fields : undefined;
}

/**
 * A cookie-authenticated POST must come from our own pages: the session cookie is SameSite=Lax,
 * and this refuses what a browser marks as coming from another site besides.
 */
export function fromOwnPages(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin";
  const origin = request.headers.get("origin");
  return origin === null || origin === new URL(request.url).origin;
}
