"use client";

import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { setUserActiveAction, unlockUserAction } from "../actions";

/** A user's Disable / Enable and Unlock on the grid, each behind a confirmation; a refusal shows in the dialog. */
export function UserRowActions({ user }: { user: { id: number; username: string; isActive: boolean; locked: boolean } }) {
  const t = useTranslations("System.users");
  const username = user.username;
  return (
    <>
      {user.isActive ? (
        <ConfirmDialog
          trigger={t("disable")}
          triggerLabel={t("disableUser", { username })}
          title={t("disableTitle", { username })}
          message={t("disableMessage")}
          confirmLabel={t("disable")}
          action={() => setUserActiveAction({ id: user.id, isActive: false })}
        />
      ) : (
        <ConfirmDialog
          trigger={t("enable")}
          triggerLabel={t("enableUser", { username })}
          title={t("enableTitle", { username })}
          message={t("enableMessage")}
          confirmLabel={t("enable")}
          action={() => setUserActiveAction({ id: user.id, isActive: true })}
        />
      )}
      {user.locked && (
        <ConfirmDialog
          trigger={t("unlock")}
          triggerLabel={t("unlockUser", { username })}
          title={t("unlockTitle", { username })}
          message={t("unlockMessage")}
          confirmLabel={t("unlock")}
          action={() => unlockUserAction({ id: user.id })}
        />
      )}
    </>
  );
}
