"use client";

import { Button } from "./button";
import { useErrorText } from "./use-error-text";

/** What Next hands an error boundary (error.tsx, global-error.tsx). */
export interface ErrorBoundaryProps {
  error: unknown;
  /** Fetches the segment again and re-renders it: a busy database may answer now. */
  retry: () => void;
}

/**
 * An error boundary's message in place of the part of the page that failed: what happened, what
 * it means for the user's work, and Try again. Announced as an alert; the button is a real
 * button with the app's visible focus ring. A server error carries a digest that names its entry
 * in the server log, shown so a merchant can quote it.
 */
export function ErrorPanel({ error, retry, children }: ErrorBoundaryProps & { children?: React.ReactNode }) {
  const t = useErrorText();
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  return (
    <div role="alert" className="mt-6 max-w-2xl space-y-3 border-l-4 border-red-700 bg-red-50 px-5 py-4 text-sm text-red-900">
      {/* It stands in for the whole page, whose own title is gone with it. */}
      <h1 className="text-lg font-semibold">{t("somethingWrong")}</h1>
      {children}
      <p>{t("tryAgainLater")}</p>
      {digest && <p className="text-xs">{t("reference", { digest })}</p>}
      <Button variant="primary" onClick={() => retry()}>
        {t("tryAgain")}
      </Button>
    </div>
  );
}
