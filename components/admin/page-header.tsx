import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button, buttonClass } from "@/components/ui/button";

/** Page title bar: large light title, the page's primary button(s) on the right. */
export function PageHeader({ title, actions }: { title: string; actions?: React.ReactNode }) {
  return (
    <header className="flex flex-wrap items-center justify-between gap-4 border-b border-line pb-4">
      <h1 className="text-3xl font-light">{title}</h1>
      {actions && <div className="flex gap-2">{actions}</div>}
    </header>
  );
}

/** An edit page's title bar, as Magento's: "Back" to the grid, the page's own buttons ("Delete"), and "Save" submitting the page's form. */
export function EditPageHeader({
  title,
  backHref,
  formId,
  pending,
  more,
}: {
  title: string;
  backHref: string;
  formId: string;
  pending: boolean;
  more?: React.ReactNode;
}) {
  const t = useTranslations("Common");
  return (
    <PageHeader
      title={title}
      actions={
        <>
          <Link href={backHref} className={buttonClass("secondary")}>
            {t("back")}
          </Link>
          {more}
          <Button type="submit" form={formId} variant="primary" disabled={pending}>
            {t("save")}
          </Button>
        </>
      }
    />
  );
}
