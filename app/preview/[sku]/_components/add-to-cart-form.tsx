"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { ActionForm } from "@/components/form/action-form";
import { Field } from "@/components/form/field";
import { useActionForm } from "@/components/form/use-action-form";
import { Message } from "@/components/ui/message";
import { useTranslateMessage } from "@/components/ui/use-translate-message";
import type { EffectiveSettings } from "@/lib/inventory";
import { shopperCartSchema, type AddToCartInput, type AddToCartValues } from "@/lib/validation/order";
import { addToCart } from "../../actions";

/**
 * The Qty box and Add to Cart. The box is checked in the browser with the product's shopper
 * rules (inventory-rules §4); the server action places the order and answers the §4 refusal or the
 * success with any §5 backorder notice.
 */
export function AddToCartForm({ storeCode, sku, eff }: { storeCode: string; sku: string; eff: EffectiveSettings }) {
  const t = useTranslations("Storefront");
  const translate = useTranslateMessage();
  const resolver = useMemo(() => zodResolver(shopperCartSchema(eff)), [eff]);
  const submit = useActionForm<AddToCartInput, AddToCartValues, { notices: string[] }>({
    resolver,
    defaultValues: { storeCode, sku, qty: "1" },
    action: addToCart,
  });
  return (
    <ActionForm
      submit={submit}
      className="space-y-4"
      // Inventory-rules §7: an order is one transaction, so a busy database stored none of it;
      // any other failure, or no answer at all, leaves the shopper to look.
      failed={(failure) => (
        <span className="block">
          {failure === "busy" ? t("orderNotPlaced") : t("orderMaybePlaced")}
        </span>
      )}
      saved={(data) =>
        data?.notices.map((notice) => (
          <Message key={notice} kind="warning">
            {translate(notice)}
          </Message>
        ))
      }
    >
      <Field
        name="qty"
        id="qty"
        label={t("qty")}
        inputMode="decimal"
        controlClassName="w-20 border-[#c2c2c2] px-2 py-2 text-center"
        aside={
          <button
            type="submit"
            disabled={submit.pending}
            className="border border-[#1979c3] bg-[#1979c3] px-8 py-2.5 text-base font-semibold text-white hover:bg-[#006bb4] disabled:opacity-60"
          >
            {t("addToCart")}
          </button>
        }
      />
    </ActionForm>
  );
}
