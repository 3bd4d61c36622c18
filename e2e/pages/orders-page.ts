import type { Page } from "@playwright/test";

/** Sales > Orders: the grid and an order's page with Cancel, Ship and Credit Memo. */
export class OrdersPage {
  constructor(private readonly page: Page) {}

  /** Through the admin menu, as a merchant gets there. */
  async open() {
    await this.page.goto("/admin/dashboard");
    await this.page.getByRole("navigation", { name: "Admin menu" }).getByRole("link", { name: "Orders" }).click();
    await this.page.getByRole("heading", { name: "Orders", level: 1 }).waitFor();
  }

  recordCount() {
    return this.page.getByText(/^\d+ records? found$/);
  }

  /** The grid's rows as the cells' text, in display order. */
  async rows() {
    const rows = this.page.getByRole("table", { name: "Orders" }).locator("tbody tr");
    return rows.evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => (td.textContent ?? "").trim())),
    );
  }

  /** Sorts by a column header (click again to reverse); waits for the sorted page. */
  async sortBy(column: string) {
    const before = this.page.url();
    await this.page.getByRole("columnheader", { name: column, exact: true }).getByRole("link").click();
    await this.page.waitForURL((url) => url.href !== before);
  }

  async openOrder(incrementId: string) {
    await this.page.getByRole("link", { name: `View order ${incrementId}` }).click();
    await this.page.getByRole("heading", { name: `# ${incrementId}`, level: 1 }).waitFor();
  }

  async cancel() {
    await this.page.getByRole("button", { name: "Cancel" }).click();
  }

  async ship(sourceName: string) {
    await this.page.getByLabel("Source").selectOption({ label: sourceName });
    await this.page.getByRole("button", { name: "Ship" }).click();
  }

  status() {
    return this.page.getByTestId("order-status");
  }

  /** Order & Account Information's Placed By: the admin and where ("admin (storefront preview)"). */
  placedBy() {
    return this.page.getByTestId("order-placed-by");
  }

  /** The message bar under the title (success or error). */
  message() {
    return this.page.locator("main").getByRole("status").or(this.page.locator("main").getByRole("alert"));
  }

  /** The cells of an ordered line's row in Items Ordered. */
  private lineCells(sku: string) {
    return this.page.getByRole("row").filter({ has: this.page.getByRole("cell", { name: sku, exact: true }) }).getByRole("cell");
  }

  /** An ordered line's figures: Ordered, Backordered, Shipped, Canceled. */
  async line(sku: string) {
    const [, , ordered, backordered, shipped, canceled] = await this.lineCells(sku).allTextContents();
    return { ordered, backordered, shipped, canceled };
  }

  /** The line's Refunded figure. */
  async refunded(sku: string) {
    return (await this.lineCells(sku).allTextContents())[6];
  }

  creditMemoButton() {
    return this.page.getByRole("link", { name: "Credit Memo", exact: true });
  }

  /** "Credit Memo" in the title bar: the New Credit Memo page of this order. */
  async openCreditMemo() {
    await this.creditMemoButton().click();
    await this.page.getByRole("heading", { name: /^New Credit Memo for Order #/, level: 1 }).waitFor();
  }

  /** The Credit Memos table: per credit memo, what happened to its units, one line each. */
  async creditMemos() {
    const rows = this.page.getByRole("table", { name: "Credit Memos" }).locator("tbody tr");
    return rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("li")).map((li) => (li.textContent ?? "").trim())));
  }
}
