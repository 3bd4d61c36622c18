import { expect, type Page } from "@playwright/test";
import { ProductGridPage } from "./product-grid-page";

/**
 * Grid-side figures of the seed walk: the Salable Quantity column of Catalog > Products
 * ("Default Stock: 75"), found by keyword search. Needs a signed-in page.
 */
export class CatalogFigures {
  constructor(private readonly page: Page) {}

  async expectSalableQuantity(sku: string, qty: number) {
    const grid = new ProductGridPage(this.page);
    await grid.goto({ q: sku });
    await expect(grid.salableQuantity(sku)).toHaveText(`Default Stock: ${qty}`);
  }
}
