"use client";

import { ErrorPanel, type ErrorBoundaryProps } from "@/components/ui/error-panel";

/** Sign-in, or the admin shell around a page, failed to render. */
export default function RootError(props: ErrorBoundaryProps) {
  return (
    <main className="px-8 py-6">
      <ErrorPanel {...props} />
    </main>
  );
}
