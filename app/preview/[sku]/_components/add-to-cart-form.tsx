"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { FieldError } from "@/components/form/field-error";
import { Message } from "@/components/ui/message";
import type { EffectiveSettings } from "@/lib/inventory";
import { shopperCartSchema, type AddToCartInput, type AddToCartValues } from "@/lib/validation/order";
import { addToCart } from "../../actions";

interface Outcome {
  message?: string;
  notices: string[];
  formError?: string;
}

/**
 * The Qty box and Add to Cart. The box is checked in the browser with the product's shopper
 * rules (inventory-rules §4); the server action places the order and answers the §4 refusal or the
 * success with any §5 backorder notice.
 */
export function AddToCartForm({ storeCode, sku, eff }: { storeCode: string; sku: string; eff: EffectiveSettings }) {
  const [outcome, setOutcome] = useState<Outcome>({ notices: [] });
  const [pending, startTransition] = useTransition();
  const resolver = useMemo(() => zodResolver(shopperCartSchema(eff)), [eff]);
  const { register, handleSubmit, setError, formState } = useForm<AddToCartInput, unknown, AddToCartValues>({
    resolver,
    defaultValues: { storeCode, sku, qty: "1" },
  });
  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      setOutcome({ notices: [] });
      const result = await addToCart(values);
      if (result.ok) {
        setOutcome({ message: result.message, notices: result.data?.notices ?? [] });
        return;
      }
      setOutcome({ notices: [], formError: result.formError });
      for (const [name, message] of Object.entries(result.fieldErrors)) {
        setError(name as keyof AddToCartInput, { message });
      }
    }),
  );
  const qtyError = formState.errors.qty?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div aria-live="polite" className="space-y-2">
        {outcome.message && <Message kind="success">{outcome.message}</Message>}
        {outcome.notices.map((notice) => (
          <Message key={notice} kind="warning">
            {notice}
          </Message>
        ))}
        {outcome.formError && <Message kind="error">{outcome.formError}</Message>}
      </div>
      <div className="flex items-end gap-3">
        <div>
          <label htmlFor="qty" className="block text-sm font-semibold">
            Qty
          </label>
          <input
            id="qty"
            inputMode="decimal"
            aria-invalid={!!qtyError}
            aria-describedby="qty-error"
            className="mt-1 w-20 border border-[#c2c2c2] px-2 py-2 text-center"
            {...register("qty")}
          />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="border border-[#1979c3] bg-[#1979c3] px-8 py-2.5 text-base font-semibold text-white hover:bg-[#006bb4] disabled:opacity-60"
        >
          Add to Cart
        </button>
      </div>
      <FieldError id="qty-error" message={qtyError} />
    </form>
  );
}
