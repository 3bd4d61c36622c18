import type { Page } from "@playwright/test";

/** System > Data Transfer > Import: what to import, the file, Check Data and Import. */
export class ImportPage {
  constructor(private readonly page: Page) {}

  /** Through the admin menu, as a merchant gets there. */
  async open() {
    await this.page.getByRole("navigation", { name: "Admin menu" }).getByRole("link", { name: "Import", exact: true }).click();
    await this.page.getByRole("heading", { name: "Import", level: 1 }).waitFor();
  }

  async choose(entity: "Products" | "Stock Sources", behavior: "Add/Update" | "Replace" | "Delete" = "Add/Update") {
    await this.page.getByRole("combobox", { name: "Entity Type" }).selectOption({ label: entity });
    await this.page.getByRole("combobox", { name: "Import Behavior" }).selectOption({ label: behavior });
  }

  /** Picks a CSV file with these lines, as the file chooser would. */
  async selectFile(name: string, lines: readonly string[]) {
    await this.page.getByLabel("Select File to Import").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(`${lines.join("\n")}\n`) });
  }

  checkDataButton() {
    return this.page.getByRole("button", { name: "Check Data" });
  }

  importButton() {
    return this.page.getByRole("button", { name: "Import", exact: true });
  }

  /** The progress bar shown while a file is checked or imported. */
  progress(label: "Checking data" | "Importing") {
    return this.page.getByRole("progressbar", { name: label });
  }

  /** The error bar of a refused check or import that says this. */
  error(text: string) {
    return this.page.getByRole("main").getByRole("alert").filter({ hasText: text });
  }

  /** The success bar of a clean check or a done import that says this. */
  success(text: string) {
    return this.page.getByRole("main").getByRole("status").filter({ hasText: text });
  }

  /** The listed errors, "Line 3, column qty: …", in order. */
  errors() {
    return this.page.getByRole("heading", { name: "Errors" }).locator("..").getByRole("listitem").allInnerTexts();
  }
}
