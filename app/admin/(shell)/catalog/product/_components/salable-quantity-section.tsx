import { useTranslations } from "next-intl";
import { useQuantityLabel } from "./quantity-label";

/** "Product Salable Quantity": `stock name: qty` per stock the product is assigned to (inventory-rules §2). */
export function SalableQuantitySection({ salable }: { salable: { stockId: number; stockName: string; qty: string }[] }) {
  const t = useTranslations("Products.salable");
  const quantity = useQuantityLabel();
  return (
    <section aria-labelledby="salable-heading" className="space-y-3 border border-line bg-white p-6">
      <h2 id="salable-heading" className="text-xl font-light">
        {t("heading")}
      </h2>
      <p className="text-xs text-muted">{t("asSaved")}</p>
      {salable.length === 0 ? (
        <p className="text-sm">{t("notAssigned")}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {salable.map((s) => (
            <li key={s.stockId}>
              {s.stockName}: <strong>{quantity(s.qty)}</strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
