import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { buttonClass } from "@/components/ui/button";
import { Message } from "@/components/ui/message";
import { getGlobalConfig } from "@/db/queries/inventory";
import { resolveMassSelection } from "@/db/queries/product-mass-update";
import { pathWithQuery } from "@/lib/auth/return-path";
import { gridHrefOf, massSelectionParams, NO_PRODUCTS, parseMassSelection } from "@/lib/validation/mass-update";
import { requireResource } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { getTranslateMessage } from "@/server/i18n/translate-message";
import { MassUpdateForm } from "../_components/mass-update-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Products"))("massUpdate.title") };
}
export const dynamic = "force-dynamic";

/**
 * Catalog > Products > Actions > Update attributes, its Advanced Inventory tab: the products come
 * from the URL (ids ticked in the grid, or "all matching" its search and filters), found again
 * here and counted; the values from the form, applied by the save route.
 */
export default async function MassUpdatePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  await requireResource("Magento_Catalog::update_attributes", pathWithQuery("/admin/catalog/product_action_attribute/edit", params));
  const selection = parseMassSelection(params);
  const db = await getDb();
  const ids = selection ? await resolveMassSelection(db, selection) : [];
  const backHref = gridHrefOf(selection);
  if (!selection || ids.length === 0) {
    const t = await getTranslations("Products");
    const common = await getTranslations("Common");
    const translate = await getTranslateMessage();
    return (
      <>
        <PageHeader
          title={t("massUpdate.title")}
          actions={
            <Link href={backHref} className={buttonClass("secondary")}>
              {common("back")}
            </Link>
          }
        />
        <div className="mt-4">
          <Message kind="error">{translate(NO_PRODUCTS)}</Message>
        </div>
      </>
    );
  }
  const gone = selection.kind === "ids" ? selection.ids.length - ids.length : 0;
  return (
    <MassUpdateForm
      selection={massSelectionParams(selection).toString()}
      count={ids.length}
      gone={gone}
      config={await getGlobalConfig(db)}
      backHref={backHref}
    />
  );
}
