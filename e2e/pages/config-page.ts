import { expect, type Page } from "@playwright/test";
import { messageOf } from "./field-message";

const BASE = "/admin/system_config/edit/section/cataloginventory";

export type ConfigScope = "default" | { website: number } | { store: number };

/** Stores > Configuration > Catalog > Inventory, by the labels a merchant reads. */
export class ConfigPage {
  constructor(private readonly page: Page) {}

  static url(scope: ConfigScope = "default"): string {
    if (scope === "default") return BASE;
    return "website" in scope ? `${BASE}/website/${scope.website}` : `${BASE}/store/${scope.store}`;
  }

  /** Opens the page and waits until the form is interactive. */
  async goto(scope: ConfigScope = "default") {
    await this.page.goto(ConfigPage.url(scope), { waitUntil: "networkidle" });
  }

  async reload() {
    await this.page.reload({ waitUntil: "networkidle" });
  }

  title() {
    return this.page.getByRole("heading", { level: 1 });
  }

  /** Picks an entry of the "Scope:" switcher ("Default Config", "Main Website", "Default Store View"). */
  async switchScope(label: string) {
    const url = this.page.url();
    await this.page.getByLabel("Scope:").selectOption({ label });
    await this.page.waitForURL((next) => next.toString() !== url);
    await this.page.waitForLoadState("networkidle");
  }

  /** A field's row: label, control, scope label, inherit checkbox, comment and messages. */
  row(label: string) {
    return this.page.getByRole("group", { name: label, exact: true });
  }

  /** The field's text box or select (its row, a group, carries the same name). */
  control(label: string) {
    return this.row(label).getByLabel(label, { exact: true });
  }

  /** The text of the option a select shows. */
  selectedOption(label: string) {
    return this.control(label).locator("option:checked");
  }

  /** What the field shows as the page stands: the text in its box or the label of its option. */
  async shownValue(label: string): Promise<string> {
    const control = this.control(label);
    if ((await control.evaluate((el) => el.tagName)) !== "SELECT") return control.inputValue();
    return (await this.selectedOption(label).textContent()) ?? "";
  }

  /** The fields the page shows, each a group named by its label. */
  fields() {
    return this.page.getByRole("group");
  }

  /** "Use system value", "Use Default" or "Use Website", whichever the scope offers. */
  inheritCheckbox(label: string) {
    return this.row(label).getByRole("checkbox");
  }

  scopeLabel(label: string) {
    return this.row(label).getByText(/^\[(GLOBAL|WEBSITE|STORE VIEW)\]$/);
  }

  async setInherit(label: string, inherit: boolean) {
    await this.inheritCheckbox(label).setChecked(inherit);
  }

  async choose(label: string, option: string) {
    await this.control(label).selectOption({ label: option });
  }

  async fill(label: string, value: string) {
    await this.control(label).fill(value);
  }

  /** The message under the field's control. */
  fieldError(label: string) {
    return messageOf(this.control(label));
  }

  /** The plain sentence beside Backorders and Out-of-Stock Threshold. */
  explanation(label: string) {
    return this.row(label).locator('[id$="-explanation"]');
  }

  async save() {
    await this.page.getByRole("button", { name: "Save Config" }).click();
  }

  /**
   * Opens the scope and gives each field its own value there: its inherit checkbox unchecked,
   * then the option picked or the number typed. Save Config; waits for "You saved the configuration.".
   */
  async saveValues(scope: ConfigScope, values: Record<string, string>) {
    await this.goto(scope);
    for (const [label, value] of Object.entries(values)) {
      if ((await this.inheritCheckbox(label).count()) > 0) await this.setInherit(label, false);
      if ((await this.control(label).evaluate((el) => el.tagName)) === "SELECT") await this.choose(label, value);
      else await this.fill(label, value);
    }
    await this.saveAndConfirm();
  }

  /**
   * Opens the scope and checks each field's "Use system value" / "Use Default" / "Use Website",
   * so it inherits again. Save Config; waits for "You saved the configuration.".
   */
  async saveInherited(scope: ConfigScope, labels: string[]) {
    await this.goto(scope);
    for (const label of labels) await this.setInherit(label, true);
    await this.saveAndConfirm();
  }

  private async saveAndConfirm() {
    await this.save();
    await expect(this.successMessage()).toBeVisible();
  }

  successMessage() {
    return this.page.getByRole("status").filter({ hasText: "You saved the configuration." });
  }

  warning(text: string | RegExp) {
    return this.page.getByRole("status").filter({ hasText: text });
  }

  /** An error bar under the title (Next's route announcer, also an alert, sits outside main). */
  errorMessage() {
    return this.page.getByRole("main").getByRole("alert");
  }

  groupToggle(title: string) {
    return this.page.getByRole("button", { name: title, exact: true });
  }

  impact() {
    return this.page.getByRole("region", { name: "Impact on the catalog" });
  }

  /** A line of the impact preview: a link to the product grid filtered to those products. */
  impactLine(sentence: string) {
    return this.impact().getByRole("link", { name: sentence, exact: true });
  }

  /** The change history's rows, newest first, header excluded. */
  historyEntries() {
    return this.page
      .getByRole("region", { name: "Change history" })
      .getByRole("row")
      .filter({ has: this.page.getByRole("cell") });
  }
}
