import { expect, type Locator, type Page } from "@playwright/test";
import { messageOf } from "./field-message";
import { ProductGridPage } from "./product-grid-page";

/** The "What will shoppers see?" chart's text alternative: one sentence per line. */
const sellDownSummary = (scope: Page | Locator) =>
  scope.getByRole("region", { name: "What will shoppers see?" }).locator("figcaption");

/** The product page's "Advanced Inventory" dialog (inventory-rules §1.2). */
export class AdvancedInventoryDialog {
  constructor(private readonly page: Page) {}

  get dialog() {
    return this.page.getByRole("dialog", { name: "Advanced Inventory" });
  }

  button() {
    return this.page.getByRole("button", { name: "Advanced Inventory" });
  }

  async open() {
    await this.button().click();
  }

  /** A field's row: its control, scope, "Use Config Settings", value note and message. */
  row(label: string) {
    return this.dialog.getByRole("group", { name: label, exact: true });
  }

  /** The field's text box or select. */
  input(label: string) {
    return this.row(label).locator("input[type=text], select").first();
  }

  useConfig(label: string) {
    return this.row(label).getByRole("checkbox", { name: "Use Config Settings" });
  }

  async setUseConfig(label: string, checked: boolean) {
    await this.useConfig(label).setChecked(checked);
  }

  async choose(label: string, option: string) {
    await this.row(label).getByRole("combobox").selectOption({ label: option });
  }

  async fill(label: string, value: string) {
    await this.row(label).getByRole("textbox").fill(value);
  }

  /** Override a field: uncheck "Use Config Settings", then pick or type the product's own value. */
  async override(label: string, value: string) {
    await this.setUseConfig(label, false);
    if ((await this.input(label).evaluate((el) => el.tagName)) === "SELECT") await this.choose(label, value);
    else await this.fill(label, value);
  }

  /** The labels of the fields shown, in order (the chart's table toggle is a group with no label). */
  async shownFields() {
    return this.dialog.getByRole("group").evaluateAll((groups) =>
      groups
        .filter((g) => g.hasAttribute("aria-labelledby"))
        .map((g) => document.getElementById(g.getAttribute("aria-labelledby")!)!.textContent!.trim()),
    );
  }

  /** The live "What will shoppers see?" chart beside the fields, in words. */
  sellDownSummary() {
    return sellDownSummary(this.dialog);
  }

  async done() {
    await this.dialog.getByRole("button", { name: "Done" }).click();
  }

  async cancel() {
    await this.dialog.getByRole("button", { name: "Cancel" }).click();
  }
}

/** The product page's "Sources" section (multi-source mode): the assigned-sources grid and "Assign Sources". */
export class SourcesSection {
  constructor(private readonly page: Page) {}

  get section() {
    return this.page.getByRole("region", { name: "Sources", exact: true });
  }

  get assignDialog() {
    return this.page.getByRole("dialog", { name: "Assign Sources" });
  }

  /** The names of the assigned sources, in grid order. */
  names() {
    return this.section.getByRole("table", { name: "Assigned Sources" }).locator("tbody tr td:first-child > span:first-child").allInnerTexts();
  }

  /** The sources "Assign Sources" offers, as [Name, Code, Enabled]. */
  async offered() {
    await this.section.getByRole("button", { name: "Assign Sources" }).click();
    const rows = await this.assignDialog
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td")).slice(1).map((td) => (td.textContent ?? "").trim())));
    await this.assignDialog.getByRole("button", { name: "Cancel" }).click();
    return rows;
  }

  /** "Assign Sources": tick each source by name, then "Done". */
  async assign(...names: string[]) {
    await this.section.getByRole("button", { name: "Assign Sources" }).click();
    for (const name of names) await this.assignDialog.getByRole("checkbox", { name: `Assign ${name}` }).check();
    await this.assignDialog.getByRole("button", { name: "Done" }).click();
  }

  /** A source's row in the assigned-sources grid. */
  row(name: string) {
    return this.section.getByRole("table", { name: "Assigned Sources" }).locator("tbody tr").filter({ hasText: name });
  }

  qty(name: string) {
    return this.row(name).getByLabel("Qty", { exact: true });
  }

  status(name: string) {
    return this.row(name).getByLabel("Source Item Status");
  }

  notifyQty(name: string) {
    return this.row(name).getByLabel("Notify Qty", { exact: true });
  }

  useDefault(name: string) {
    return this.row(name).getByRole("checkbox", { name: "Use Default" });
  }

  async setQty(name: string, qty: string) {
    await this.qty(name).fill(qty);
  }

  async setStatus(name: string, status: "In Stock" | "Out of Stock") {
    await this.status(name).selectOption({ label: status });
  }

  /** The source's own Notify Qty ("Use Default" off), or null for "Use Default". */
  async setNotifyQty(name: string, qty: string | null) {
    await this.useDefault(name).setChecked(qty === null);
    if (qty !== null) await this.notifyQty(name).fill(qty);
  }

  async unassign(name: string) {
    await this.row(name).getByRole("button", { name: "Unassign" }).click();
  }

  /** The message under a row's input, found through its aria-describedby. */
  fieldError(input: Locator) {
    return messageOf(input);
  }
}

/** Catalog > Products > New / edit product. */
export class ProductPage {
  readonly advancedInventory: AdvancedInventoryDialog;
  readonly sources: SourcesSection;

  constructor(private readonly page: Page) {
    this.advancedInventory = new AdvancedInventoryDialog(page);
    this.sources = new SourcesSection(page);
  }

  /** Catalog > Products: finds the SKU by keyword and follows its "Edit" link. */
  async open(sku: string) {
    const grid = new ProductGridPage(this.page);
    await grid.goto({ q: sku });
    await grid.edit(sku);
    await this.page.waitForURL(/\/admin\/catalog\/product\/edit\/id\/\d+$/);
  }

  /**
   * Advanced Inventory: overrides each field ("Use Config Settings" off, the product's own value),
   * Done, then Save, and waits for "You saved the product.".
   */
  async saveAdvancedInventory(overrides: Record<string, string>) {
    await this.advancedInventory.open();
    for (const [label, value] of Object.entries(overrides)) await this.advancedInventory.override(label, value);
    await this.advancedInventory.done();
    await this.save();
    await expect(this.messages()).toContainText(["You saved the product."]);
  }

  gotoEdit(id: number) {
    return this.page.goto(`/admin/catalog/product/edit/id/${id}`);
  }

  gotoNew() {
    return this.page.goto("/admin/catalog/product/new");
  }

  /** A row of the page's form, by its label. */
  row(label: string) {
    return this.page.locator("form#product-form").getByRole("group", { name: label, exact: true });
  }

  field(label: "Product Name" | "SKU" | "Price" | "Quantity") {
    return this.row(label).getByRole("textbox");
  }

  stockStatus() {
    return this.row("Stock Status").getByRole("combobox");
  }

  /** The "Enable Product" switch. */
  enableProduct() {
    return this.row("Enable Product").getByRole("switch");
  }

  async fill(values: Partial<Record<"Product Name" | "SKU" | "Price" | "Quantity", string>>) {
    for (const [label, value] of Object.entries(values)) {
      await this.field(label as keyof typeof values).fill(value);
    }
  }

  async save() {
    await this.page.getByRole("button", { name: "Save", exact: true }).click();
  }

  /** Messages under the title after a save ("You saved the product."). */
  messages() {
    return this.page.getByRole("status");
  }

  /** The form's error bar (a refused save). */
  formError() {
    return this.page.locator("form#product-form").getByRole("alert");
  }

  /** "Product Salable Quantity": "Default Stock: 75". */
  salableQuantity() {
    return this.page.getByRole("region", { name: "Product Salable Quantity" }).getByRole("listitem");
  }

  /** The page's "What will shoppers see?" chart, in words. */
  sellDownSummary() {
    return sellDownSummary(this.page);
  }

  /** "Reservations": one table per stock, captioned "Default Stock: -30 reserved". */
  reservations(stockName: string) {
    return this.page
      .getByRole("region", { name: "Reservations" })
      .getByRole("table", { name: new RegExp(`^${stockName}: `) });
  }

  productId() {
    return Number(new URL(this.page.url()).pathname.split("/").pop());
  }
}
