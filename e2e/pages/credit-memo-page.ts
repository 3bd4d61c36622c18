import type { Page } from "@playwright/test";

/** Sales > Orders > New Credit Memo: a row per line to refund, "Refund Offline". */
export class CreditMemoPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole("heading", { name: /^New Credit Memo for Order #\d+$/, level: 1 });
  }

  /** A line's row in Items to Refund, found by its SKU. */
  row(sku: string) {
    return this.page
      .getByRole("table", { name: "Items to Refund" })
      .getByRole("row")
      .filter({ has: this.page.getByRole("cell", { name: sku, exact: true }) });
  }

  qtyToRefund(sku: string) {
    return this.row(sku).getByLabel("Qty to Refund");
  }

  returnToStock(sku: string) {
    return this.row(sku).getByLabel("Return to Stock");
  }

  /** The message under a line's Qty to Refund. */
  qtyError(sku: string) {
    return this.row(sku).locator('[id$="-qty-error"]');
  }

  /** Types each line's quantity and sets its Return to Stock, then presses Refund Offline. */
  async refund(lines: Record<string, { qty: number | string; returnToStock: boolean }>) {
    for (const [sku, { qty, returnToStock }] of Object.entries(lines)) {
      await this.qtyToRefund(sku).fill(String(qty));
      await this.returnToStock(sku).setChecked(returnToStock);
    }
    await this.page.getByRole("button", { name: "Refund Offline" }).click();
  }
}
