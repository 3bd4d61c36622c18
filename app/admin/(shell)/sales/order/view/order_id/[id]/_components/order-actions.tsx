"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/admin/page-header";
import { ActionForm, FormStatus } from "@/components/form/action-form";
import { Field } from "@/components/form/field";
import { useActionForm } from "@/components/form/use-action-form";
import { Button, buttonClass } from "@/components/ui/button";
import { shipOrderSchema, type ShipOrderFormInput, type ShipOrderFormValues } from "@/lib/validation/order";
import { cancelOrderAction, shipOrderAction } from "../../../../actions";

/**
 * The order page's title bar with "Cancel" and "Ship" (pick a source), offered only while the
 * order has an open quantity, and "Credit Memo" while something is left to refund, each only when
 * the admin's role grants it; the message bar under it (a redirect's message, "You created the
 * credit memo.", until a button is used).
 */
export function OrderActions({
  title,
  orderId,
  cancelable,
  shippable,
  refundable,
  sources,
  notice,
}: {
  title: string;
  orderId: number;
  /** Open quantity left and the role grants Cancel. */
  cancelable: boolean;
  /** Open quantity left and the role grants Ship. */
  shippable: boolean;
  /** Something left to refund and the role grants Credit Memos. */
  refundable: boolean;
  sources: { code: string; name: string }[];
  notice?: React.ReactNode;
}) {
  const t = useTranslations("Sales.order");
  const submit = useActionForm<ShipOrderFormInput, ShipOrderFormValues>({
    resolver: zodResolver(shipOrderSchema),
    defaultValues: { orderId, sourceCode: sources[0]?.code ?? "" },
    action: shipOrderAction,
  });

  const actions = (cancelable || shippable || refundable) && (
    <>
      {refundable && (
        <Link href={`/admin/sales/order_creditmemo/new/order_id/${orderId}`} className={buttonClass("secondary")}>
          {t("creditMemo")}
        </Link>
      )}
      {cancelable && (
        <Button onClick={() => submit.run(() => cancelOrderAction({ orderId }))} disabled={submit.pending}>
          {t("cancel")}
        </Button>
      )}
      {shippable && sources.length > 0 && (
        <ActionForm submit={submit} statusElsewhere className="flex items-start gap-2">
          <Field
            name="sourceCode"
            id="ship-source"
            label={t("source")}
            layout="inline"
            options={sources.map((s) => ({ value: s.code, label: s.name }))}
            controlClassName="border-line px-2 py-2 text-sm"
          />
          <Button type="submit" variant="primary" disabled={submit.pending}>
            {t("ship")}
          </Button>
        </ActionForm>
      )}
    </>
  );

  return (
    <>
      <PageHeader title={title} actions={actions || undefined} />
      <div className="mt-4">
        <FormStatus status={submit.status} notice={notice} />
      </div>
    </>
  );
}
