"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { PageHeader } from "@/components/admin/page-header";
import { ActionForm, FormStatus } from "@/components/form/action-form";
import { Field } from "@/components/form/field";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { shipOrderSchema, type ShipOrderFormInput, type ShipOrderFormValues } from "@/lib/validation/order";
import { cancelOrderAction, shipOrderAction } from "../../../../actions";

/**
 * The order page's title bar with "Cancel" and "Ship" (pick a source), and the message bar under
 * it. Both are offered only while the order has an open quantity.
 */
export function OrderActions({
  title,
  orderId,
  open,
  sources,
}: {
  title: string;
  orderId: number;
  open: boolean;
  sources: { code: string; name: string }[];
}) {
  const submit = useActionForm<ShipOrderFormInput, ShipOrderFormValues>({
    resolver: zodResolver(shipOrderSchema),
    defaultValues: { orderId, sourceCode: sources[0]?.code ?? "" },
    action: shipOrderAction,
  });

  const actions = open && (
    <>
      <Button onClick={() => submit.run(() => cancelOrderAction({ orderId }))} disabled={submit.pending}>
        Cancel
      </Button>
      {sources.length > 0 && (
        <ActionForm submit={submit} statusElsewhere className="flex items-start gap-2">
          <Field
            name="sourceCode"
            id="ship-source"
            label="Source"
            layout="inline"
            options={sources.map((s) => ({ value: s.code, label: s.name }))}
            controlClassName="border-line px-2 py-2 text-sm"
          />
          <Button type="submit" variant="primary" disabled={submit.pending}>
            Ship
          </Button>
        </ActionForm>
      )}
    </>
  );

  return (
    <>
      <PageHeader title={title} actions={actions || undefined} />
      <div className="mt-4">
        <FormStatus status={submit.status} />
      </div>
    </>
  );
}
