import type { Page } from "@playwright/test";

/** The storefront preview's product page, as a shopper (and a merchant checking it) uses it. */
export class StorefrontPage {
  constructor(private readonly page: Page) {}

  goto(sku: string, storeCode?: string) {
    return this.page.goto(`/preview/${encodeURIComponent(sku)}${storeCode ? `?store=${storeCode}` : ""}`);
  }

  /** The stock availability area next to the price ("In stock", "Only 5 left", …). */
  availability() {
    return this.page.getByRole("status", { name: "Stock availability" });
  }

  /** One storefront label inside the availability area, matched exactly. */
  label(text: string) {
    return this.availability().getByText(text, { exact: true });
  }

  /** Types the quantity and presses Add to Cart. */
  async addToCart(qty: string | number) {
    await this.page.getByLabel("Qty").fill(String(qty));
    await this.page.getByRole("button", { name: "Add to Cart" }).click();
  }

  /** The message under the Qty box (client-side check or the server's refusal). */
  qtyError() {
    return this.page.locator("#qty-error");
  }

  /** The success and backorder notice bars of the last Add to Cart. */
  messages() {
    return this.page.locator("form").getByRole("status");
  }

  /** The sell-down panel's text ("What will shoppers see?"). */
  sellDownSummary() {
    return this.page.getByRole("region", { name: "What will shoppers see?" }).locator("figcaption");
  }
}
