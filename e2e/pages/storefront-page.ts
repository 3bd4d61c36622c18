import type { Page } from "@playwright/test";

/**
 * The storefront preview's product page, as a shopper (and a merchant checking it) uses it. The
 * preview is the merchant's tool: give it a signed-in page (the adminPage fixture). A store view
 * speaks its own locale, so the page's controls are found by their English or Dutch names; what
 * a spec expects to read says which language it expects.
 */
export class StorefrontPage {
  constructor(private readonly page: Page) {}

  goto(sku: string, storeCode?: string) {
    return this.page.goto(`/preview/${encodeURIComponent(sku)}${storeCode ? `?store=${storeCode}` : ""}`);
  }

  /** The stock availability area next to the price ("In stock", "Only 5 left", …). */
  availability() {
    return this.page.getByRole("status", { name: /^(Stock availability|Voorraadbeschikbaarheid)$/ });
  }

  /** One storefront label inside the availability area, matched exactly. */
  label(text: string) {
    return this.availability().getByText(text, { exact: true });
  }

  /** Types the quantity and presses Add to Cart. */
  async addToCart(qty: string | number) {
    await this.page.getByLabel(/^(Qty|Aantal)$/).fill(String(qty));
    await this.page.getByRole("button", { name: /^(Add to Cart|In winkelwagen)$/ }).click();
  }

  /**
   * Presses Add to Cart and returns the server-action POST it sent, for another client to send
   * again: its URL, body (the action's argument as JSON) and the headers Next needs.
   */
  async addToCartCaptured(qty: string | number) {
    const captured = this.page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
    await this.addToCart(qty);
    const request = await captured;
    const headers = await request.allHeaders();
    return {
      url: request.url(),
      body: request.postData()!,
      headers: {
        "next-action": headers["next-action"],
        "next-router-state-tree": headers["next-router-state-tree"],
        "content-type": headers["content-type"],
        accept: "text/x-component",
        origin: new URL(request.url()).origin,
      },
    };
  }

  /** The message under the Qty box (client-side check or the server's refusal). */
  qtyError() {
    return this.page.locator("#qty-error");
  }

  /** The success and backorder notice bars of the last Add to Cart. */
  messages() {
    return this.page.locator("form").getByRole("status");
  }

  /** The store view switcher, "Store view" or "Winkelweergave". */
  storeSwitcher() {
    return this.page.getByRole("navigation", { name: /^(Store view|Winkelweergave)$/ });
  }

  /** The sell-down panel's text ("What will shoppers see?"). */
  sellDownSummary() {
    return this.page.getByRole("region", { name: "What will shoppers see?" }).locator("figcaption");
  }
}
