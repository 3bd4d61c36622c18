"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { unstable_rethrow } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/validation/result";
import { Button } from "./button";
import { useTranslateMessage } from "./use-translate-message";

/**
 * Magento's confirmation modal before a destructive action: a Radix dialog (focus trapped and
 * restored, Escape cancels). OK calls the server action; a refusal shows inside the dialog, a
 * success redirects (left to Next).
 */
export function ConfirmDialog({
  trigger,
  triggerLabel,
  title,
  message,
  confirmLabel,
  action,
}: {
  trigger: string;
  /** The trigger's accessible name where several on a page read the same ("Revert entry 12"). */
  triggerLabel?: string;
  title: string;
  message: string;
  confirmLabel?: string;
  action: () => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations("Shell");
  const translate = useTranslateMessage();
  const sendFailed = t("sendFailed");
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      setError(null);
      try {
        const result = await action();
        if (!result.ok) setError(translate(result.formError ?? Object.values(result.fieldErrors)[0] ?? sendFailed));
      } catch (thrown) {
        unstable_rethrow(thrown);
        setError(sendFailed);
      }
    });
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setError(null);
      }}
    >
      <Dialog.Trigger asChild>
        <Button variant="secondary" aria-label={triggerLabel}>
          {trigger}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed top-1/4 left-1/2 z-50 w-full max-w-lg -translate-x-1/2 bg-white p-8 shadow-2xl focus:outline-none">
          <Dialog.Title className="text-2xl font-light">{title}</Dialog.Title>
          <Dialog.Description className="mt-4">{message}</Dialog.Description>
          <p role="alert" aria-live="assertive" className="mt-4 text-sm font-semibold text-red-700 empty:hidden">
            {error}
          </p>
          <div className="mt-6 flex justify-end gap-2">
            <Dialog.Close asChild>
              <Button variant="secondary">{t("cancel")}</Button>
            </Dialog.Close>
            <Button variant="primary" onClick={confirm} disabled={pending}>
              {confirmLabel ?? t("confirm")}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
