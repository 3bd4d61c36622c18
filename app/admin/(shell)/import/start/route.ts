import { importUploadResponse } from "@/server/import-upload";

export const dynamic = "force-dynamic";

/** "Import" (Magento's admin/import/start): the posted file checked again and imported whole, or not at all. */
export async function POST(request: Request): Promise<Response> {
  return importUploadResponse(request, "import");
}
