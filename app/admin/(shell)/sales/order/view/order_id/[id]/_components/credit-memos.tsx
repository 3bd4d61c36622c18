import { useLocale, useTranslations } from "next-intl";
import { formatDateTime, formatQuantity } from "@/lib/i18n/format";
import type { CreditMemoPartView, CreditMemoView } from "@/db/queries/order-views";

const cell = "px-3 py-2 align-top";

type Translate = ReturnType<typeof useTranslations<"Sales.creditMemos">>;

/** What happened to a part's units (inventory-rules §7), as the merchant reads it. */
function describe(t: Translate, locale: ReturnType<typeof useLocale>, part: CreditMemoPartView): string {
  const source = part.sourceName ?? part.sourceCode;
  const units = t("units", { qty: formatQuantity(part.qty, locale), sku: part.sku });
  if (!part.shipped) {
    if (part.backToStock) return t("notShippedReturned", { units });
    return source ? t("notShippedWrittenOff", { units, source }) : t("notShippedNotReturned", { units });
  }
  if (part.backToStock && source) return t("shippedReturned", { units, source });
  return source ? t("shippedFromNotReturned", { units, source }) : t("shippedNotReturned", { units });
}

/** The order page's Credit Memos: each with its date, who made it and where its units went. */
export function CreditMemos({ memos }: { memos: CreditMemoView[] }) {
  const t = useTranslations("Sales.creditMemos");
  const locale = useLocale();
  return (
    <section aria-labelledby="order-creditmemos" className="mt-6">
      <h2 id="order-creditmemos" className="mb-2 text-xl font-light">
        {t("title")}
      </h2>
      {memos.length === 0 ? (
        <p className="text-sm text-muted">{t("none")}</p>
      ) : (
        <table aria-labelledby="order-creditmemos" className="w-full border-collapse border border-line bg-white text-sm">
          <thead className="bg-[#f0f0f0] text-left">
            <tr>
              <th scope="col" className={cell}>{t("columns.creditMemo")}</th>
              <th scope="col" className={cell}>{t("columns.created")}</th>
              <th scope="col" className={cell}>{t("columns.createdBy")}</th>
              <th scope="col" className={cell}>{t("columns.refunded")}</th>
            </tr>
          </thead>
          <tbody>
            {memos.map((memo) => (
              <tr key={memo.id} className="border-t border-line">
                <td className={cell}>{t("number", { id: String(memo.id) })}</td>
                <td className={cell}>{formatDateTime(memo.createdAt, locale)}</td>
                <td className={cell}>{t("createdBy", { name: memo.createdBy ?? "–", via: t(`via.${memo.createdVia}`) })}</td>
                <td className={cell}>
                  <ul>
                    {memo.parts.map((part, i) => (
                      <li key={i}>{describe(t, locale, part)}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
