"use client";

import { useTranslateMessage } from "@/components/ui/use-translate-message";
import type { StorefrontLabels } from "@/lib/inventory";

/** "In stock" / "Out of stock" and "Only N left" as lib/inventory's storefrontLabels gave them (inventory-rules §6), in the store view's language. */
export function StockStatus({ labels }: { labels: StorefrontLabels }) {
  const translate = useTranslateMessage();
  return (
    <>
      {labels.stockLabel && (
        <span className={`font-semibold ${labels.salable ? "text-green-800" : "text-red-800"}`}>
          <span aria-hidden="true">{labels.salable ? "✓" : "✕"}</span> <span>{translate(labels.stockLabel)}</span>
        </span>
      )}
      {labels.onlyXLeft && <span className="font-semibold text-[#b35c00]">{translate(labels.onlyXLeft)}</span>}
    </>
  );
}
