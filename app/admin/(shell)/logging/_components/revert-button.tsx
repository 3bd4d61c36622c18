"use client";

import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { revertAuditEntryAction } from "../actions";

/**
 * Revert on an Action Log entry, behind a confirmation (a keyboard-usable dialog: focus trapped,
 * Escape cancels). A refusal ("… was changed again after this entry") shows inside the dialog;
 * on success the action comes back to the same view with "The change was reverted.".
 */
/** `summary`: what goes back, without the closing full stop ("Backorders goes back to "No Backorders""). */
export function RevertButton({ id, summary, view }: { id: number; summary: string; view: string }) {
  const t = useTranslations("System.actionLog");
  const entry = String(id);
  return (
    <ConfirmDialog
      trigger={t("revert")}
      triggerLabel={t("revertEntry", { id: entry })}
      title={t("revertTitle", { id: entry })}
      message={t("revertMessage", { summary })}
      confirmLabel={t("revert")}
      action={() => revertAuditEntryAction({ id, view })}
    />
  );
}
