"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { PageHeader } from "@/components/admin/page-header";
import { ActionForm } from "@/components/form/action-form";
import { Field, FieldMessage } from "@/components/form/field";
import { useActionForm } from "@/components/form/use-action-form";
import { Button, buttonClass } from "@/components/ui/button";
import { formatQuantity } from "@/lib/i18n/format";
import { formatQty } from "@/lib/inventory";
import { creditMemoLimitsSchema, type CreditMemoFormInput, type CreditMemoFormValues } from "@/lib/validation/order";
import { createCreditMemoAction } from "../../../../actions";

export interface CreditMemoLine {
  orderItemId: number;
  sku: string;
  name: string;
  qtyOrdered: number;
  qtyShipped: number;
  qtyRefunded: number;
  qtyCanceled: number;
  qtyToRefund: number;
  isQtyDecimal: boolean;
  /** Manage Stock at placement: an untracked line has no stock to return to. */
  manageStock: boolean;
}

const cell = "px-3 py-2";
const number = `${cell} text-right`;

/**
 * New Credit Memo: one row per line with something left to refund, "Qty to Refund" starting at
 * all of it and "Return to Stock" at Automatically Return Credit Memo Item to Stock; "Refund
 * Offline" creates the credit memo and goes back to the order.
 */
export function CreditMemoForm({
  title,
  orderId,
  orderHref,
  lines,
  autoReturn,
}: {
  title: string;
  orderId: number;
  orderHref: string;
  lines: CreditMemoLine[];
  autoReturn: boolean;
}) {
  const t = useTranslations("Sales.newCreditMemo");
  const locale = useLocale();
  const qty = (value: number) => formatQuantity(value, locale);
  const schema = useMemo(() => creditMemoLimitsSchema(lines), [lines]);
  const submit = useActionForm<CreditMemoFormInput, CreditMemoFormValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      orderId,
      items: lines.map((line) => ({
        orderItemId: line.orderItemId,
        qty: formatQty(line.qtyToRefund),
        backToStock: autoReturn && line.manageStock,
      })),
    },
    action: createCreditMemoAction,
  });

  return (
    <>
      <PageHeader
        title={title}
        actions={
          <Link href={orderHref} className={buttonClass("secondary")}>
            {t("back")}
          </Link>
        }
      />
      <ActionForm submit={submit} className="mt-4 space-y-4">
        <section aria-labelledby="items-to-refund">
          <h2 id="items-to-refund" className="mb-2 text-xl font-light">
            {t("itemsToRefund")}
          </h2>
          <table aria-labelledby="items-to-refund" className="w-full border-collapse border border-line bg-white text-sm">
            <thead className="bg-[#f0f0f0] text-left">
              <tr>
                <th scope="col" className={cell}>{t("columns.product")}</th>
                <th scope="col" className={cell}>{t("columns.sku")}</th>
                <th scope="col" className={`${cell} text-right`}>{t("columns.ordered")}</th>
                <th scope="col" className={`${cell} text-right`}>{t("columns.shipped")}</th>
                <th scope="col" className={`${cell} text-right`}>{t("columns.refunded")}</th>
                <th scope="col" className={`${cell} text-right`}>{t("columns.canceled")}</th>
                <th scope="col" className={cell}>{t("columns.returnToStock")}</th>
                <th scope="col" className={cell}>{t("columns.qtyToRefund")}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line, index) => (
                <tr key={line.orderItemId} className="border-t border-line align-top">
                  <td className={cell}>{line.name}</td>
                  <td className={cell}>{line.sku}</td>
                  <td className={number}>{qty(line.qtyOrdered)}</td>
                  <td className={number}>{qty(line.qtyShipped)}</td>
                  <td className={number}>{qty(line.qtyRefunded)}</td>
                  <td className={number}>{qty(line.qtyCanceled)}</td>
                  <td className={cell}>
                    {line.manageStock ? (
                      <Field name={`items.${index}.backToStock`} id={`creditmemo-${index}-back`} label={t("columns.returnToStock")} type="checkbox" hideLabel />
                    ) : (
                      <span className="text-xs text-muted">{t("noStockToReturn")}</span>
                    )}
                  </td>
                  <td className={cell}>
                    <Field
                      name={`items.${index}.qty`}
                      id={`creditmemo-${index}-qty`}
                      label={t("columns.qtyToRefund")}
                      hideLabel
                      inputMode={line.isQtyDecimal ? "decimal" : "numeric"}
                      hint={t("atMost", { qty: qty(line.qtyToRefund) })}
                      controlClassName="w-24 border-line px-2 py-1 text-sm"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <FieldMessage id="creditmemo-items-error" name="items.root" />
        </section>
        <p className="text-sm text-muted">
          {t("explanation")}
        </p>
        <div className="flex justify-end">
          <Button type="submit" variant="primary" disabled={submit.pending}>
            {t("refundOffline")}
          </Button>
        </div>
      </ActionForm>
    </>
  );
}
