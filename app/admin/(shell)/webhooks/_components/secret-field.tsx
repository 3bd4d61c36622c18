"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { regenerateSecretAction } from "../actions";

/**
 * The webhook's signing secret, for the merchant to copy into their receiver, and "Generate new
 * secret" (asked first: the receiver refuses deliveries until it has the new one).
 */
export function SecretField({ webhookId, secret }: { webhookId: number; secret: string }) {
  const t = useTranslations("System.webhooks.secret");
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(t("copied"));
    } catch {
      (document.getElementById("webhook-secret") as HTMLInputElement | null)?.select();
      setCopied(t("selected"));
    }
  };
  return (
    <div className="space-y-2">
      <label htmlFor="webhook-secret" className="block text-sm font-semibold">
        {t("label")}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id="webhook-secret"
          readOnly
          value={secret}
          aria-describedby="webhook-secret-hint webhook-secret-status"
          className="w-full max-w-md border border-line bg-page px-3 py-2 font-mono text-sm"
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button onClick={() => void copy()}>{t("copy")}</Button>
        <ConfirmDialog
          trigger={t("generate")}
          title={t("generateTitle")}
          message={t("generateMessage")}
          confirmLabel={t("generate")}
          action={() => regenerateSecretAction(webhookId)}
        />
      </div>
      <p id="webhook-secret-status" aria-live="polite" className="text-sm empty:hidden">
        {copied}
      </p>
      <p id="webhook-secret-hint" className="text-xs text-muted">
        {t("hint")}
      </p>
    </div>
  );
}
