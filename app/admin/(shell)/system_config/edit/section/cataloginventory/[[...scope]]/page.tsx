import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/server/db";
import { getConfigPageData, scopeNames } from "@/db/queries/config";
import { requireResource } from "@/server/auth/guard";
import { CONFIG_FIELDS, fieldAppliesAtScope, inheritedValue } from "@/lib/inventory";
import { firstParam, pageParam } from "@/lib/validation/grid";
import { ConfigEditor, type FieldState } from "../_components/config-editor";
import { ConfigHistory } from "../_components/config-history";
import { originText } from "../_components/config-text";
import { ScopeSwitcher } from "../_components/scope-switcher";
import { COLLAPSED_GROUPS_COOKIE, collapsedGroupsFrom, configPageHref, scopeFromSegments } from "../_components/scope-route";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Config");
  return { title: t("title") };
}

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ scope?: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Stores > Configuration > Catalog > Inventory at Default Config, a website or a store view. */
export default async function InventoryConfigPage({ params, searchParams }: Props) {
  await requireResource("Magento_CatalogInventory::cataloginventory");
  const at = scopeFromSegments((await params).scope);
  if (!at) notFound();
  const historyPage = pageParam.parse(firstParam((await searchParams).history_page));
  const data = await getConfigPageData(await getDb(), at.scope, at.scopeId, historyPage);
  if (!data) notFound();
  const { target, rows, tree } = data;
  const names = scopeNames(tree);
  const t = await getTranslations("Config");

  const fields: FieldState[] = CONFIG_FIELDS.filter((field) => fieldAppliesAtScope(field, target.scope)).map((field) => {
    const inherited = inheritedValue(rows, field.key, target.scope, target.scopeId, target.websiteId);
    const stored = rows.find((r) => r.scope === target.scope && r.scopeId === target.scopeId && r.path === field.path);
    return {
      key: field.key,
      stored: stored?.value ?? null,
      inherited: inherited.value,
      inheritedFrom: originText(t, inherited.origin, names),
    };
  });
  const collapsed = collapsedGroupsFrom((await cookies()).get(COLLAPSED_GROUPS_COOKIE)?.value);
  const href = configPageHref(target.scope, target.scopeId);

  return (
    <ConfigEditor
      // A new scope is a new form: nothing typed at one scope carries over to another.
      key={href}
      scope={target.scope}
      scopeId={target.scopeId}
      fields={fields}
      collapsedGroups={collapsed}
      scopeSwitcher={<ScopeSwitcher tree={tree} current={href} />}
      sectionNav={
        <nav aria-label={t("sectionsNav")} className="border border-line bg-white">
          <p className="border-b border-line px-4 py-3 text-sm font-semibold tracking-wide uppercase">{t("catalogSection")}</p>
          <ul>
            <li>
              <Link
                href={href}
                aria-current="page"
                className="block border-l-4 border-accent bg-page px-4 py-2 text-sm font-semibold"
              >
                {t("inventorySection")}
              </Link>
            </li>
          </ul>
        </nav>
      }
    >
      <ConfigHistory history={data.history} names={names} pageHref={href} />
    </ConfigEditor>
  );
}
