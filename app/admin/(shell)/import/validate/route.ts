import { importUploadResponse } from "@/server/import-upload";

export const dynamic = "force-dynamic";

/** "Check Data" (Magento's admin/import/validate): the posted file checked against the store; nothing is written. */
export async function POST(request: Request): Promise<Response> {
  return importUploadResponse(request, "check");
}
