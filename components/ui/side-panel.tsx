"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { Button } from "./button";

/**
 * Magento's slide-in panel (Advanced Inventory, Assign Sources): a Radix dialog — focus trapped
 * and restored, Escape cancels — with the title, a description and Cancel / Done in its header.
 * Edits inside stay in the page's form until the form is saved.
 */
export function SidePanel({
  trigger,
  title,
  description,
  open,
  onOpen,
  onCancel,
  onDone,
  widthClass = "max-w-3xl",
  onOpenAutoFocus,
  children,
}: {
  trigger: string;
  title: string;
  description: string;
  open: boolean;
  onOpen: () => void;
  onCancel: () => void;
  onDone: () => void;
  widthClass?: string;
  onOpenAutoFocus?: (event: Event) => void;
  children: React.ReactNode;
}) {
  const t = useTranslations("Shell");
  return (
    <Dialog.Root open={open} onOpenChange={(next) => (next ? onOpen() : onCancel())}>
      <Dialog.Trigger asChild>
        <Button variant="link" className="text-sm">
          {trigger}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          className={`fixed inset-y-0 right-0 z-50 flex w-full flex-col bg-white shadow-2xl focus:outline-none ${widthClass}`}
          onOpenAutoFocus={onOpenAutoFocus}
        >
          <div className="flex items-center justify-between gap-4 border-b border-line bg-page px-8 py-5">
            <div>
              <Dialog.Title className="text-2xl font-light">{title}</Dialog.Title>
              <Dialog.Description className="mt-1 text-sm text-muted">{description}</Dialog.Description>
            </div>
            <div className="flex gap-2">
              <Button onClick={onCancel}>{t("cancel")}</Button>
              <Button variant="primary" onClick={onDone}>
                {t("done")}
              </Button>
            </div>
          </div>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
