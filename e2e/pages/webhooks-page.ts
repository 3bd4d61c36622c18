import { expect, type Page } from "@playwright/test";
import { messageOf } from "./field-message";

const EVENTS = ["Low Stock", "Out of Stock", "Back in Stock", "On Backorder"] as const;
type EventLabel = (typeof EVENTS)[number];

/** One row of a webhook's delivery log, as the merchant reads it. */
export interface DeliveryRow {
  alert: string;
  status: string;
  attempts: string;
  lastAnswer: string;
}

/** Stores > Webhooks: the list, New / Edit Webhook with its secret, and the delivery log. */
export class WebhooksPage {
  constructor(private readonly page: Page) {}

  /** Through the admin menu, as a merchant gets there. */
  async open() {
    await this.page.goto("/admin/dashboard");
    await this.page.getByRole("navigation", { name: "Admin menu" }).getByRole("link", { name: "Webhooks" }).click();
    await this.page.getByRole("heading", { name: "Webhooks", level: 1 }).waitFor();
  }

  table() {
    return this.page.getByRole("table", { name: "Webhooks" });
  }

  async addNew() {
    await this.page.getByRole("link", { name: "Add New Webhook" }).click();
    await this.page.getByRole("heading", { name: "New Webhook", level: 1 }).waitFor();
  }

  async edit(name: string) {
    await this.table().getByRole("link", { name: `Edit ${name}` }).click();
    await this.page.getByRole("heading", { name, level: 1 }).waitFor();
  }

  /** Name and URL; `events` ticks exactly those boxes (all four are ticked on a new webhook). */
  async fill(values: { name?: string; url?: string; events?: EventLabel[]; active?: boolean }) {
    if (values.name !== undefined) await this.page.getByRole("textbox", { name: "Name", exact: true }).fill(values.name);
    if (values.url !== undefined) await this.page.getByRole("textbox", { name: "URL", exact: true }).fill(values.url);
    if (values.events) {
      const group = this.page.getByRole("group", { name: "Events" });
      for (const event of EVENTS) await group.getByRole("checkbox", { name: event, exact: true }).setChecked(values.events.includes(event));
    }
    if (values.active !== undefined) await this.page.getByRole("checkbox", { name: "Active", exact: true }).setChecked(values.active);
  }

  /** Save, and wait for the message on the page the save leads to. */
  async save(message = "You saved the webhook.") {
    const answered = this.page.waitForResponse((r) => r.request().method() === "POST" && !!r.request().headers()["next-action"]);
    await this.page.getByRole("button", { name: "Save", exact: true }).click();
    await answered;
    await expect(this.message()).toContainText(message);
  }

  message() {
    return this.page.locator("form").getByRole("status").or(this.page.locator("form").getByRole("alert")).first();
  }

  fieldError(label: string) {
    return messageOf(this.page.getByRole("textbox", { name: label, exact: true }));
  }

  /** The signing secret shown on the edit page. */
  secret() {
    return this.page.getByLabel("Secret", { exact: true }).inputValue();
  }

  deliveryLog() {
    return this.page.getByRole("table", { name: "Delivery log, newest first" });
  }

  /** The log's rows, newest first: the alert's title, status, attempts and the last answer. */
  async deliveryRows(): Promise<DeliveryRow[]> {
    return this.deliveryLog()
      .locator("tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => {
          const cells = Array.from(tr.querySelectorAll("td"));
          const text = (el: Element | null | undefined) => (el?.textContent ?? "").trim();
          return {
            alert: text(cells[0]?.querySelector("strong")),
            status: text(cells[1]),
            attempts: text(cells[2]?.querySelector("summary") ?? cells[2]),
            lastAnswer: text(cells[3]),
          };
        }),
      );
  }

  /** Reloads until the log reads `rows` (the dispatcher sends in the background). */
  async waitForDeliveries(rows: DeliveryRow[]) {
    await expect(async () => {
      await this.page.reload();
      expect(await this.deliveryRows()).toEqual(rows);
    }).toPass({ timeout: 20_000 });
  }

  /** Opens a row's attempts and reads each one's answer ("HTTP 500"), oldest first. */
  async attempts(alert: string): Promise<string[]> {
    const row = this.deliveryLog().locator("tbody tr").filter({ has: this.page.locator("strong", { hasText: alert }) });
    await row.locator("summary").click();
    const items = await row.getByRole("listitem").allInnerTexts();
    return items.map((item) => item.replace(/^.*UTC: /, "").replace(/ \(\d+ ms\)$/, ""));
  }

  async resend(alert: string) {
    await this.deliveryLog()
      .getByRole("button", { name: new RegExp(`^Resend delivery \\d+ \\(${alert}\\)$`) })
      .click();
    await expect(this.deliveryLog().getByRole("status").filter({ hasText: "The delivery will be sent again" })).toBeVisible();
  }
}
