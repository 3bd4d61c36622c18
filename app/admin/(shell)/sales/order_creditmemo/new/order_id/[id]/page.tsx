import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { Message } from "@/components/ui/message";
import { getCreditMemoFormData } from "@/db/queries/order-views";
import { renderPhrase } from "@/lib/refusal";
import { orderIdParam } from "@/lib/validation/order";
import { CANNOT_REFUND_STATUS } from "@/db/queries/credit-memos";
import { requireResource } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { getTranslateMessage } from "@/server/i18n/translate-message";
import { CreditMemoForm } from "./_components/credit-memo-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Sales.newCreditMemo");
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

/** Sales > Orders > New Credit Memo: Magento's form of an order's refundable lines, "Refund Offline". */
export default async function NewCreditMemoPage({ params }: { params: Promise<{ id: string }> }) {
  await requireResource("Magento_Sales::creditmemo");
  const id = orderIdParam.safeParse((await params).id);
  const data = id.success ? await getCreditMemoFormData(await getDb(), id.data) : null;
  if (!data) notFound();
  const { order, lines, autoReturn } = data;
  const t = await getTranslations("Sales.newCreditMemo");
  const title = t("title", { incrementId: order.incrementId });
  const orderHref = `/admin/sales/order/view/order_id/${order.id}`;

  if (lines.length === 0) {
    const translate = await getTranslateMessage();
    return (
      <>
        <PageHeader title={title} />
        <div className="mt-4 space-y-4">
          <Message kind="error">{translate(renderPhrase(CANNOT_REFUND_STATUS, { status: order.status }))}</Message>
          <Link href={orderHref} className="text-sm text-link underline hover:no-underline">
            {t("backToOrder")}
          </Link>
        </div>
      </>
    );
  }
  return (
    <CreditMemoForm
      title={title}
      orderId={order.id}
      orderHref={orderHref}
      lines={lines.map((line) => ({
        orderItemId: line.id,
        sku: line.sku,
        name: line.name,
        qtyOrdered: line.qtyOrdered,
        qtyShipped: line.qtyShipped,
        qtyRefunded: line.qtyRefunded,
        qtyCanceled: line.qtyCanceled,
        qtyToRefund: line.qtyToRefund,
        isQtyDecimal: line.isQtyDecimal,
        manageStock: line.manageStock,
      }))}
      autoReturn={autoReturn}
    />
  );
}
