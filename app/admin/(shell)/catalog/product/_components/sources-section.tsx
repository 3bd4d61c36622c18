import { STOCK_STATUS_OPTIONS, formatQty } from "@/lib/inventory";
import type { ProductSourceItem } from "@/db/queries/products";
import { AdvancedInventory } from "./advanced-inventory";

/**
 * Multi-source mode: quantities live in source items, one per assigned source (screens-and-api.md
 * "Sources" grid). Shown as they are; Advanced Inventory edits the product's own settings.
 */
export function SourcesSection({ items }: { items: ProductSourceItem[] }) {
  return (
    <section aria-labelledby="sources-heading" className="space-y-4 border border-line bg-white p-6">
      <div className="flex items-center justify-between gap-4">
        <h2 id="sources-heading" className="text-xl font-light">
          Sources
        </h2>
        <AdvancedInventory />
      </div>
      <p className="text-sm text-muted">
        More than one source exists, so each source keeps its own quantity and status for this product.
      </p>
      {items.length === 0 ? (
        <p className="text-sm">This product is not assigned to any source.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Assigned Sources</caption>
          <thead className="bg-[#514943] text-white">
            <tr>
              {["Name", "Source Status", "Source Item Status", "Qty", "Notify Qty"].map((h) => (
                <th key={h} scope="col" className="px-3 py-2 font-semibold">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.sourceCode} className="border-b border-line">
                <td className="px-3 py-2">{item.sourceName}</td>
                <td className="px-3 py-2">{item.sourceEnabled ? "Enabled" : "Disabled"}</td>
                <td className="px-3 py-2">{STOCK_STATUS_OPTIONS.find((o) => o.value === item.status)!.label}</td>
                <td className="px-3 py-2">{formatQty(item.quantity)}</td>
                <td className="px-3 py-2">{item.notifyStockQty === null ? "Use Default" : formatQty(item.notifyStockQty)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
