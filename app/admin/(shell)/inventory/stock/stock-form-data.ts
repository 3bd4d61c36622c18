import type { Conn } from "@/db/connection";
import { DEFAULT_SOURCE_CODE, listAllSources } from "@/db/queries/sources";
import { assignedSources, DEFAULT_STOCK_ID, type StockWithChannels } from "@/db/queries/stocks";
import { listWebsites } from "@/db/queries/stores";
import type { StockFormValues } from "./_components/stock-form";

/** The stock form's defaults and labels: every website and assignable source, ticked where assigned. */
export async function stockFormData(db: Conn, stock: StockWithChannels | null) {
  const websites = await listWebsites(db);
  // The default source belongs to Default Stock only (Magento): never offered elsewhere.
  const sources = (await listAllSources(db)).filter((s) => s.code !== DEFAULT_SOURCE_CODE);
  const links = stock ? (await assignedSources(db, [stock.id])).get(stock.id)! : [];
  const defaults: StockFormValues = {
    name: stock?.name ?? "",
    websites: websites.map((w) => ({ code: w.code, selected: !!stock?.salesChannels.some((c) => c.code === w.code) })),
    sources: sources.map((s) => {
      const link = links.find((l) => l.code === s.code);
      return { source_code: s.code, assigned: !!link, priority: link ? String(link.priority) : "" };
    }),
  };
  return {
    defaults,
    labels: {
      websites: Object.fromEntries(websites.map((w) => [w.code, w.name])),
      sources: Object.fromEntries(sources.map((s) => [s.code, { name: s.name, enabled: s.enabled }])),
    },
    sourcesLocked: stock?.id === DEFAULT_STOCK_ID,
  };
}
