"use client";

import { ErrorPanel, type ErrorBoundaryProps } from "@/components/ui/error-panel";

/** A page of the admin failed to render (a busy database, a bug): the menu and title bar stay. */
export default function AdminError(props: ErrorBoundaryProps) {
  return (
    <ErrorPanel {...props}>
      <p>Every save is stored whole or not at all, so nothing is half-saved: once the page shows again, it shows what is stored.</p>
    </ErrorPanel>
  );
}
