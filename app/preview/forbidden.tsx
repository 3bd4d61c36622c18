import Link from "next/link";
import { useTranslations } from "next-intl";

/** The storefront preview is an admin's tool: an admin whose role lacks Stockroom_Preview::preview gets this. */
export default function StorefrontForbidden() {
  const t = useTranslations("Shell");
  return (
    <div className="py-10">
      <h1 className="text-3xl font-light">{t("forbidden")}</h1>
      <p className="mt-4">{t("roleLacksPreview")}</p>
      <p className="mt-2">
        <Link href="/admin" className="text-[#006bb4] underline hover:no-underline">
          {t("goToAdminShort")}
        </Link>
      </p>
    </div>
  );
}
