import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FlashMessages } from "@/components/admin/flash-messages";
import { Grid, type GridColumn } from "@/components/admin/grid";
import { gridCriteria, type GridSearchParams } from "@/components/admin/grid-criteria";
import { PageHeader } from "@/components/admin/page-header";
import { buttonClass } from "@/components/ui/button";
import { listStoreTree, STORE_TREE_SORTS } from "@/db/queries/stores";
import { requireResource } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { readFlash } from "@/server/flash";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Stores"))("title") };
}
export const dynamic = "force-dynamic";

type Row = Awaited<ReturnType<typeof listStoreTree>>["items"][number];
type Translate = Awaited<ReturnType<typeof getTranslations<"Stores">>>;

const link = (href: string, text: string, code?: string) => (
  <>
    <Link className={buttonClass("link")} href={href}>
      {text}
    </Link>
    {code && <span className="ml-1 text-muted">({code})</span>}
  </>
);

const columns = (t: Translate): GridColumn<Row>[] => [
  { label: t("columns.website"), sortField: "website", cell: (r) => link(`/admin/system_store/editWebsite/website_id/${r.websiteId}`, r.websiteName, r.websiteCode) },
  {
    label: t("columns.store"),
    sortField: "group",
    cell: (r) => (r.groupId === null ? "" : link(`/admin/system_store/editGroup/group_id/${r.groupId}`, r.groupName!)),
  },
  {
    label: t("columns.storeView"),
    sortField: "store",
    cell: (r) =>
      r.storeId === null ? "" : (
        <>
          {link(`/admin/system_store/editStore/store_id/${r.storeId}`, r.storeName!, r.storeCode!)}
          {!r.storeActive && <span className="ml-2 border border-line px-1 text-xs">{t("disabledBadge")}</span>}
        </>
      ),
  },
];

/** Stores > Settings > All Stores: one row per store view, with its store and web site. */
export default async function AllStoresPage({ searchParams }: { searchParams: Promise<GridSearchParams> }) {
  await requireResource("Magento_Backend::store");
  const { state, criteria } = gridCriteria(await searchParams, {
    sortable: STORE_TREE_SORTS,
    defaultSort: "website",
    keywordFields: ["website", "website_code", "group", "group_code", "store", "store_code"],
  });
  const { items, total } = await listStoreTree(await getDb(), criteria);
  const t = await getTranslations("Stores");
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <>
            <Link href="/admin/system_store/newWebsite" className={buttonClass("secondary")}>
              {t("createWebsite")}
            </Link>
            <Link href="/admin/system_store/newGroup" className={buttonClass("secondary")}>
              {t("createStore")}
            </Link>
            <Link href="/admin/system_store/newStore" className={buttonClass("primary")}>
              {t("createStoreView")}
            </Link>
          </>
        }
      />
      <FlashMessages messages={await readFlash()} />
      <Grid
        basePath="/admin/system_store"
        caption={t("gridCaption")}
        columns={columns(t)}
        rows={items}
        rowKey={(r) => `${r.websiteId}-${r.groupId}-${r.storeId}`}
        total={total}
        state={state}
      />
    </>
  );
}
