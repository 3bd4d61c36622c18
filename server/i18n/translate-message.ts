import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { LocaleTag } from "@/lib/i18n/locales";
import { translateWith } from "@/lib/i18n/message-translator";

/** The server's twin of useTranslateMessage: for messages a page renders itself (flash messages). */
export async function getTranslateMessage(locale?: LocaleTag): Promise<(text: string) => string> {
  const tag = locale ?? (await getLocale());
  const t = await getTranslations({ locale: tag, namespace: "Messages" });
  return (text) => translateWith((key, values) => t(key as never, values as never), tag, text);
}
