"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { PageHeader } from "@/components/admin/page-header";
import { FieldError } from "@/components/form/field-error";
import { Button } from "@/components/ui/button";
import { Message } from "@/components/ui/message";
import { shipOrderSchema, type ShipOrderFormInput, type ShipOrderFormValues } from "@/lib/validation/order";
import type { ActionResult } from "@/lib/validation/result";
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
  const [result, setResult] = useState<ActionResult>();
  const [pending, startTransition] = useTransition();
  const { register, handleSubmit, setError, formState } = useForm<ShipOrderFormInput, unknown, ShipOrderFormValues>({
    resolver: zodResolver(shipOrderSchema),
    defaultValues: { orderId, sourceCode: sources[0]?.code ?? "" },
  });
  const run = (action: () => Promise<ActionResult>) =>
    startTransition(async () => {
      setResult(undefined);
      const outcome = await action();
      setResult(outcome);
      if (!outcome.ok) {
        for (const [name, message] of Object.entries(outcome.fieldErrors)) setError(name as keyof ShipOrderFormInput, { message });
      }
    });
  const onShip = handleSubmit((values) => run(() => shipOrderAction(values)));

  const actions = open && (
    <>
      <Button onClick={() => run(() => cancelOrderAction({ orderId }))} disabled={pending}>
        Cancel
      </Button>
      {sources.length > 0 && (
        <form onSubmit={onShip} noValidate className="flex items-start gap-2">
          <label htmlFor="ship-source" className="py-2 text-sm">
            Source
          </label>
          <div>
            <select
              id="ship-source"
              aria-invalid={!!formState.errors.sourceCode}
              aria-describedby="ship-source-error"
              className="border border-line bg-white px-2 py-2 text-sm"
              {...register("sourceCode")}
            >
              {sources.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </select>
            <FieldError id="ship-source-error" message={formState.errors.sourceCode?.message} />
          </div>
          <Button type="submit" variant="primary" disabled={pending}>
            Ship
          </Button>
        </form>
      )}
    </>
  );

  return (
    <>
      <PageHeader title={title} actions={actions || undefined} />
      <div aria-live="polite" className="mt-4 empty:mt-0">
        {result?.ok && <Message kind="success">{result.message}</Message>}
        {result && !result.ok && result.formError && <Message kind="error">{result.formError}</Message>}
      </div>
    </>
  );
}
