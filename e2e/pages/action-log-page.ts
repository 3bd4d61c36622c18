import type { Page } from "@playwright/test";

export interface ActionLogFilters {
  from?: string;
  to?: string;
  user?: string;
  where?: "Admin" | "REST API" | "Import" | "System";
  entity?: string;
  sku?: string;
}

/** System > Action Log: who changed what, where, and Revert. */
export class ActionLogPage {
  constructor(private readonly page: Page) {}

  /** Through the admin menu, as a merchant gets there. */
  async open() {
    await this.page.getByRole("navigation", { name: "Admin menu" }).getByRole("link", { name: "Action Log" }).click();
    await this.page.getByRole("heading", { name: "Action Log", level: 1 }).waitFor();
  }

  table() {
    return this.page.getByRole("table", { name: /^Action Log/ });
  }

  /**
   * The entries as [ID, User, Where, Action, Entity, Changes] (Date left out: it is the clock's),
   * newest first; the changes of an entry joined with "; ".
   */
  rows() {
    return this.table()
      .locator("tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => {
          const cells = Array.from(tr.querySelectorAll("td"));
          const text = (td: HTMLElement) => td.innerText.replace(/\s+/g, " ").trim();
          if (cells.length < 8) return cells.map(text);
          const changes = Array.from(cells[6].querySelectorAll("li")).map(text).join("; ");
          return [...cells.slice(0, 1), ...cells.slice(2, 6)].map(text).concat(changes);
        }),
      );
  }

  /** The newest entry's id, as its first cell shows it. */
  async newestId(): Promise<number> {
    return Number(await this.table().locator("tbody tr").first().locator("td").first().innerText());
  }

  /** The link of an entry's Entity cell ("Configuration: Default Config"). */
  entityLink(name: string) {
    return this.table().getByRole("link", { name, exact: true }).first();
  }

  revertButton(id: number) {
    return this.table().getByRole("button", { name: `Revert entry ${id}` });
  }

  /** The confirmation Revert opens. */
  dialog(id: number) {
    return this.page.getByRole("dialog", { name: `Revert entry ${id}?` });
  }

  /** Revert on an entry, from the keyboard: the confirmation opens on Enter, then its Revert button. */
  async revert(id: number) {
    await this.revertButton(id).focus();
    await this.page.keyboard.press("Enter");
    await this.dialog(id).getByRole("button", { name: "Revert", exact: true }).click();
  }

  /** The message bar under the title, after a revert. */
  message() {
    return this.page.locator("main").getByRole("status");
  }

  async filter(filters: ActionLogFilters) {
    if (filters.from !== undefined) await this.page.getByLabel("Date from").fill(filters.from);
    if (filters.to !== undefined) await this.page.getByLabel("Date to").fill(filters.to);
    if (filters.user) await this.page.getByRole("combobox", { name: "User" }).selectOption({ label: filters.user });
    if (filters.where) await this.page.getByRole("combobox", { name: "Where" }).selectOption({ label: filters.where });
    if (filters.entity) await this.page.getByRole("combobox", { name: "Entity" }).selectOption({ label: filters.entity });
    if (filters.sku !== undefined) await this.page.getByRole("textbox", { name: "SKU" }).fill(filters.sku);
    const url = this.page.url();
    await this.page.getByRole("button", { name: "Apply Filters" }).click();
    await this.page.waitForURL((next) => next.toString() !== url);
  }
}
