import type { Page } from "@playwright/test";
import { messageOf } from "./field-message";

/** Catalog > Products > Actions > Update attributes: its Advanced Inventory fields, each with "Change". */
export class MassUpdatePage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole("heading", { name: "Update Attributes", level: 1 });
  }

  /** "The update covers 300 products." */
  covers() {
    return this.page.getByText(/^The update covers/);
  }

  /** A field's row: its control, "Use Config Settings" where it has one, and "Change". */
  row(label: string) {
    return this.page.getByRole("group", { name: label, exact: true });
  }

  input(label: string) {
    return this.row(label).locator("input[type=text], select").first();
  }

  changeBox(label: string) {
    return this.row(label).getByRole("checkbox", { name: "Change", exact: true });
  }

  useConfig(label: string) {
    return this.row(label).getByRole("checkbox", { name: "Use Config Settings", exact: true });
  }

  /** Checks "Change", unchecks "Use Config Settings" where there is one, then picks or types the value. */
  async change(label: string, value: string) {
    await this.changeBox(label).check();
    if ((await this.useConfig(label).count()) > 0) await this.useConfig(label).uncheck();
    if ((await this.input(label).evaluate((el) => el.tagName)) === "SELECT") await this.input(label).selectOption({ label: value });
    else await this.input(label).fill(value);
  }

  /** The message under a field's control. */
  fieldMessage(label: string) {
    return messageOf(this.input(label));
  }

  /** The form's error bar (a refused update: nothing was written). */
  formError() {
    return this.page.locator("form#mass-update-form").getByRole("alert").first();
  }

  progress() {
    return this.page.getByRole("progressbar", { name: "Updating products" });
  }

  async save() {
    await this.page.getByRole("button", { name: "Save", exact: true }).click();
  }
}
