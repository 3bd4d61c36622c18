"use client";

import { useErrorText } from "@/components/ui/use-error-text";
import { ErrorPanel, type ErrorBoundaryProps } from "@/components/ui/error-panel";

/** A page of the admin failed to render (a busy database, a bug): the menu and title bar stay. */
export default function AdminError(props: ErrorBoundaryProps) {
  const t = useErrorText();
  return (
    <ErrorPanel {...props}>
      <p>{t("nothingHalfSaved")}</p>
    </ErrorPanel>
  );
}
