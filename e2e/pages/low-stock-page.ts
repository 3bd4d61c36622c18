import type { Page } from "@playwright/test";

/** Reports > Products > Low Stock. */
export class LowStockPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/admin/dashboard");
    await this.page.getByRole("navigation", { name: "Admin menu" }).getByRole("link", { name: "Low Stock" }).click();
    await this.page.getByRole("heading", { name: "Low Stock Report", level: 1 }).waitFor();
  }

  columns() {
    return this.page.getByRole("table").getByRole("columnheader").allTextContents();
  }

  /** The report's rows as [Product, SKU, Quantity, Source Code]. */
  rows() {
    return this.page
      .getByRole("table")
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => (td.textContent ?? "").trim())));
  }

  /** Clicks Export CSV and answers the downloaded file's text. */
  async exportCsv() {
    const download = this.page.waitForEvent("download");
    await this.page.getByRole("link", { name: "Export CSV" }).click();
    const file = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of file) chunks.push(chunk as Buffer);
    return { name: (await download).suggestedFilename(), text: Buffer.concat(chunks).toString("utf8") };
  }
}
