import type { Page } from "@playwright/test";

export class DashboardPage {
  constructor(private readonly page: Page) {}

  goto() {
    return this.page.goto("/admin/dashboard");
  }

  /** The figure shown on a dashboard tile, by the tile's heading. */
  figure(label: string) {
    return this.page.getByRole("region", { name: "Catalog figures" }).locator("div", {
      has: this.page.getByRole("heading", { name: label, exact: true }),
    }).locator("p").first();
  }
}
