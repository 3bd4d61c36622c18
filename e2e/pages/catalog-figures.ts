import { expect, type Page } from "@playwright/test";
import { StorefrontPage } from "./storefront-page";

/**
 * Grid-side figures of the seed walk. The product grid is being built in parallel, so for now
 * the Salable Quantity is read where the UI already shows it: the storefront preview's
 * "What will shoppers see?" panel ("Salable quantity now: 75."). Swap this to the product
 * grid's "Salable Quantity" column ("Default Stock: 75") once it exists; the specs stay as they are.
 */
export class CatalogFigures {
  constructor(private readonly page: Page) {}

  async expectSalableQuantity(sku: string, qty: number) {
    const storefront = new StorefrontPage(this.page);
    await storefront.goto(sku);
    await expect(storefront.sellDownSummary()).toContainText(`Salable quantity now: ${qty}.`);
  }
}
