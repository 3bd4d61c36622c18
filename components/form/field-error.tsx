"use client";

import { useTranslateMessage } from "@/components/ui/use-translate-message";

/** The message under a field, in the reader's language; the id lets the input point at it with aria-describedby. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  const translate = useTranslateMessage();
  return (
    <p id={id} aria-live="polite" className="mt-1 min-h-0 text-sm text-red-700 empty:mt-0">
      {message && translate(message)}
    </p>
  );
}
