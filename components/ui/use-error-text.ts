"use client";

import { createTranslator, useLocale } from "next-intl";
import { useMemo } from "react";
import { ERROR_CATALOGS } from "@/lib/i18n/error-catalogs";

/** The error boundaries' words in the reader's language (lib/i18n/error-catalogs.ts). */
export function useErrorText() {
  const locale = useLocale();
  return useMemo(() => createTranslator({ locale, messages: ERROR_CATALOGS[locale] }), [locale]);
}
