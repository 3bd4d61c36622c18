import { expect, type Page } from "@playwright/test";
import { messageOf } from "./field-message";

/** An admin grid (Sources, Stocks): keyword search, sortable headers, rows by their text. */
export class AdminGrid {
  constructor(
    private readonly page: Page,
    private readonly url: string,
    private readonly caption: string,
  ) {}

  goto() {
    return this.page.goto(this.url);
  }

  table() {
    return this.page.getByRole("table", { name: this.caption });
  }

  /** The data rows' cells as text, row by row. */
  async rows(): Promise<string[][]> {
    const rows = this.table().locator("tbody tr");
    const out: string[][] = [];
    for (const row of await rows.all()) out.push((await row.getByRole("cell").allInnerTexts()).map((t) => t.trim()));
    return out;
  }

  /** Searches and waits for the page that lists the results (its sort links carry the keyword). */
  async search(keyword: string) {
    await this.page.getByLabel("Search by keyword").fill(keyword);
    await this.page.getByRole("button", { name: "Search" }).click();
    const carried = new RegExp(`[?&]search=${encodeURIComponent(keyword)}(&|$)`);
    await this.page.waitForURL(carried);
    await expect(this.table().getByRole("columnheader").getByRole("link").first()).toHaveAttribute("href", carried);
  }

  /** Clicks a column header (again for descending) and waits for the sorted page. */
  async sortBy(column: string) {
    const before = this.page.url();
    await this.table().getByRole("link", { name: column }).click();
    await this.page.waitForURL((url) => url.toString() !== before);
  }

  recordsFound() {
    return this.page.getByRole("status").filter({ hasText: "found" });
  }

  async add(button: string) {
    await this.page.getByRole("link", { name: button }).click();
  }

  async edit(name: string) {
    await this.table().getByRole("link", { name: `Edit ${name}` }).click();
  }
}

/**
 * Save an edit page's form, wait for the server's answer (the save redirects back to the page
 * with its message), then for the message: what follows reads what was stored.
 */
async function saveAndConfirm(page: Page, message: string) {
  const answered = page.waitForResponse(
    (response) => response.request().method() === "POST" && !!response.request().headers()["next-action"],
  );
  await page.getByRole("button", { name: "Save" }).click();
  await answered;
  await expect(page.locator("form").getByRole("status")).toContainText(message);
}

export class SourceFormPage {
  constructor(private readonly page: Page) {}

  async fill(values: Partial<Record<"Name" | "Code" | "Description" | "Country" | "Postcode", string>> & { enabled?: boolean }) {
    for (const [label, value] of Object.entries(values)) {
      if (label === "enabled") await this.page.getByLabel("Enable", { exact: true }).setChecked(value as boolean);
      else await this.page.getByLabel(label, { exact: true }).fill(value as string);
    }
  }

  /** A field's text box, by its label. */
  field(label: "Name" | "Code" | "Description" | "Country" | "Postcode") {
    return this.page.getByLabel(label, { exact: true });
  }

  enabled() {
    return this.page.getByRole("checkbox", { name: "Enable", exact: true });
  }

  save() {
    return this.page.getByRole("button", { name: "Save" }).click();
  }

  /** Save, and wait for "You saved the source." on the page the save leads to. */
  saveAndConfirm() {
    return saveAndConfirm(this.page, "You saved the source.");
  }

  message() {
    return this.page.locator("form").getByRole("status").or(this.page.locator("form").getByRole("alert"));
  }

  /** The error shown under a field, found through the field's aria-describedby. */
  fieldError(label: string) {
    return messageOf(this.page.getByLabel(label, { exact: true }));
  }
}

export class StockFormPage {
  constructor(private readonly page: Page) {}

  async setName(name: string) {
    await this.page.getByLabel("Name", { exact: true }).fill(name);
  }

  async sellTo(website: string, on = true) {
    await this.page.getByRole("group", { name: "Sales Channels" }).getByLabel(website).setChecked(on);
  }

  async assign(source: string, priority: number | null) {
    await this.page.getByLabel(`Assign ${source}`).setChecked(priority !== null);
    if (priority !== null) await this.page.getByLabel(`Priority for ${source}`).fill(String(priority));
  }

  async assignWithoutPriority(source: string) {
    await this.page.getByLabel(`Assign ${source}`).check();
    await this.page.getByLabel(`Priority for ${source}`).fill("");
  }

  save() {
    return this.page.getByRole("button", { name: "Save" }).click();
  }

  /** Save, and wait for "You saved the stock." on the page the save leads to. */
  saveAndConfirm() {
    return saveAndConfirm(this.page, "You saved the stock.");
  }

  message() {
    return this.page.locator("form").getByRole("status").or(this.page.locator("form").getByRole("alert"));
  }

  priorityError(source: string) {
    return messageOf(this.page.getByLabel(`Priority for ${source}`));
  }
}
