"use client";

import { useTranslations } from "next-intl";
import { FormStatus } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { resendDeliveryAction } from "../actions";

/** "Resend" on a delivery-log row: due again at once, delivered or not; the answer shows beside it. */
export function ResendButton({ webhookId, deliveryId, alertTitle }: { webhookId: number; deliveryId: number; alertTitle: string }) {
  const t = useTranslations("System.webhooks.log");
  const submit = useActionForm({ action: resendDeliveryAction });
  return (
    <div className="space-y-2">
      <Button
        onClick={() => submit.run(() => resendDeliveryAction({ webhookId, deliveryId }))}
        disabled={submit.pending}
        aria-label={t("resendLabel", { id: String(deliveryId), alert: alertTitle })}
      >
        {t("resend")}
      </Button>
      <FormStatus status={submit.status} />
    </div>
  );
}
