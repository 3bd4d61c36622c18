"use client";

import { useTranslations } from "next-intl";
import { useId, useMemo } from "react";
import { SellDownChart } from "@/components/storefront/sell-down-chart";
import { editedSellDownInput, type SellDownPlace } from "@/lib/inventory";
import { useLiveInventory, useProductFormMeta } from "./product-form";

/**
 * "What will shoppers see?" for the product as it is being edited: lib/inventory steps the sale
 * from the form's live values (Advanced Inventory, Quantity, Stock Status), so the chart redraws
 * with every edit, before anything is saved.
 */
function LiveSellDown({ place }: { place: SellDownPlace }) {
  const t = useTranslations("Products.sellDown");
  const { singleSourceMode } = useProductFormMeta();
  const { effective, qty, isInStock } = useLiveInventory();
  const input = useMemo(
    () =>
      editedSellDownInput(place, {
        eff: effective,
        item: singleSourceMode && qty !== null ? { qty, isInStock } : null,
      }),
    [place, effective, singleSourceMode, qty, isInStock],
  );
  return (
    <div className="space-y-3">
      <p className="text-sm text-muted">{t("intro", { store: place.storeName })}</p>
      {place.snap.sourceItems.length === 0 && (
        <p className="text-sm">
          {place.stockName === null
            ? t("noStock", { store: place.storeName })
            : t("notAssigned", { stock: place.stockName, store: place.storeName })}
        </p>
      )}
      <SellDownChart input={input} />
    </div>
  );
}

/** The chart as a section of the product page. */
export function SellDownSection() {
  const t = useTranslations("Products.sellDown");
  const { sellDown } = useProductFormMeta();
  if (!sellDown) return null;
  return (
    <section aria-labelledby="sell-down-heading" className="space-y-3 border border-line bg-white p-6">
      <h2 id="sell-down-heading" className="text-xl font-light">
        {t("heading")}
      </h2>
      <LiveSellDown place={sellDown} />
    </section>
  );
}

/** The same chart beside the Advanced Inventory fields, so each setting's effect shows as it is changed. */
export function SellDownAside() {
  const t = useTranslations("Products.sellDown");
  const { sellDown } = useProductFormMeta();
  const headingId = useId();
  if (!sellDown) return null;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h3 id={headingId} className="text-lg font-light">
        {t("heading")}
      </h3>
      <LiveSellDown place={sellDown} />
    </section>
  );
}
