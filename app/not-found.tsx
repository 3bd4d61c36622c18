import Link from "next/link";
import { useTranslations } from "next-intl";

/** Any URL Stockroom has no page for. */
export default function NotFound() {
  const t = useTranslations("Shell");
  return (
    <main className="px-8 py-6">
      <h1 className="text-3xl font-light">{t("error404")}</h1>
      <p className="mt-4">{t("pageNotFound")}</p>
      <p className="mt-2">
        <Link href="/admin" className="text-link underline hover:no-underline">
          {t("goToAdmin")}
        </Link>
      </p>
    </main>
  );
}
