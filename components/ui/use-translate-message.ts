"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { translateWith } from "@/lib/i18n/message-translator";

/** An English message from a schema, a refusal or the rules engine, in the reader's language. */
export function useTranslateMessage(): (text: string) => string {
  const t = useTranslations("Messages");
  const locale = useLocale();
  return useCallback(
    (text: string) => translateWith((key, values) => t(key as never, values as never), locale, text),
    [t, locale],
  );
}
