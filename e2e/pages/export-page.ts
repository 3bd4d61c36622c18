import type { Download, Page } from "@playwright/test";

/** System > Data Transfer > Export: the entity, which products, and the file that downloads. */
export class ExportPage {
  constructor(private readonly page: Page) {}

  /** The entity to export and whether to export all products or the grid's filter. */
  async choose(entity: "Products" | "Stock Sources", products: "all" | "filter") {
    await this.page.getByRole("combobox", { name: "Entity Type" }).selectOption({ label: entity });
    await this.page.getByRole("radio", { name: products === "all" ? /^All products/ : /^Products matching/ }).check();
  }

  /** The radio offering the grid's filter, with its count. */
  matchingChoice() {
    return this.page.getByRole("radio", { name: /^Products matching/ });
  }

  /** Continue, and the file it downloads. */
  async download(): Promise<Download> {
    const download = this.page.waitForEvent("download");
    await this.page.getByRole("button", { name: "Continue" }).click();
    return download;
  }
}
