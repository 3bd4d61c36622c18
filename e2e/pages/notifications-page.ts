import type { Page } from "@playwright/test";

/** System > Notifications (the stock alerts) and the bell in the admin header. */
export class NotificationsPage {
  constructor(private readonly page: Page) {}

  /** Through the admin menu, as a merchant gets there. */
  async open() {
    await this.page.getByRole("navigation", { name: "Admin menu" }).getByRole("link", { name: "Notifications" }).click();
    await this.page.getByRole("heading", { name: "Notifications", level: 1 }).waitFor();
  }

  /** The header's link to the notifications; its name carries the unread count ("Notifications, 2 unread"). */
  bell() {
    return this.page.getByRole("banner").getByRole("link", { name: /^Notifications/ });
  }

  table() {
    return this.page.getByRole("table", { name: /^Notifications/ });
  }

  /** The list's rows as [Type, Message, Product, Stock, Actions] (Date Added left out: it is the clock's). */
  rows() {
    return this.table()
      .locator("tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => {
          const cells = Array.from(tr.querySelectorAll("td")).map((td) => (td.textContent ?? "").replace(/\s+/g, " ").trim());
          return cells.length < 6 ? cells : [cells[0], cells[1], cells[2], cells[3], cells[5]];
        }),
      );
  }

  /** Mark as Read on the row of that alert ("Out of Stock", "SR-POSTER-LTD"). */
  async markAsRead(type: string, sku: string) {
    await this.table().getByRole("button", { name: `Mark as Read: ${type}, ${sku}` }).click();
  }

  async markAllAsRead() {
    await this.page.getByRole("button", { name: "Mark All as Read" }).click();
  }

  /** Shows only the unread alerts (the Show filter). */
  async showUnreadOnly() {
    await this.page.getByLabel("Show").selectOption({ label: "Unread only" });
    await this.page.getByRole("button", { name: "Apply Filters" }).click();
    await this.page.waitForURL(/[?&]show=unread/);
  }

  /** The message bar under the title, after a marking. */
  message() {
    return this.page.locator("main").getByRole("status");
  }
}
