import type { Locator, Page } from "@playwright/test";

export interface GridFilters {
  salableFrom?: string;
  salableTo?: string;
  salable?: "Any" | "Yes" | "No";
  type?: "Any" | "Simple Product" | "Virtual Product";
  status?: "Any" | "Enabled" | "Disabled";
}

/** Catalog > Products. */
export class ProductGridPage {
  constructor(private readonly page: Page) {}

  /** Opens a view straight from its URL parameters, as a shared link would. */
  goto(params: Record<string, string> = {}) {
    const search = new URLSearchParams(params).toString();
    return this.page.goto(`/admin/catalog/product${search ? `?${search}` : ""}`);
  }

  /** The URL parameters of the view on screen. */
  params() {
    return Object.fromEntries(new URL(this.page.url()).searchParams);
  }

  row(sku: string) {
    return this.page.getByRole("row").filter({ has: this.page.getByTestId("sku").getByText(sku, { exact: true }) });
  }

  /** "Default Stock: 75" lines of a product's Salable Quantity cell. */
  salableQuantity(sku: string) {
    return this.row(sku).getByTestId("salable-quantity");
  }

  quantityPerSource(sku: string) {
    return this.row(sku).getByTestId("quantity-per-source");
  }

  /** The SKUs listed, top to bottom. */
  skus() {
    return this.page.getByTestId("sku").allInnerTexts();
  }

  /** The ID column of every row, top to bottom. */
  async ids() {
    const cells = await this.page.getByRole("table", { name: "Products" }).getByTestId("product-id").allInnerTexts();
    return cells.map(Number);
  }

  recordsFound() {
    return this.page.getByRole("navigation", { name: "Pagination" }).getByRole("status");
  }

  currentPage() {
    return this.page.getByRole("spinbutton", { name: "Page" });
  }

  async search(keyword: string) {
    await this.page.getByRole("searchbox", { name: "Search by keyword" }).fill(keyword);
    await this.page.getByRole("button", { name: "Search", exact: true }).click();
  }

  async filter(filters: GridFilters) {
    await this.page.getByText("Filters", { exact: true }).click();
    if (filters.salableFrom !== undefined) await this.page.getByRole("textbox", { name: "from" }).fill(filters.salableFrom);
    if (filters.salableTo !== undefined) await this.page.getByRole("textbox", { name: "to", exact: true }).fill(filters.salableTo);
    if (filters.salable) await this.page.getByRole("combobox", { name: "Salable" }).selectOption({ label: filters.salable });
    if (filters.type) await this.page.getByRole("combobox", { name: "Type" }).selectOption({ label: filters.type });
    if (filters.status) await this.page.getByRole("combobox", { name: "Status" }).selectOption({ label: filters.status });
    await this.page.getByRole("button", { name: "Apply Filters" }).click();
  }

  /** Follows a link of the grid and waits for the view it leads to. */
  private async follow(link: Locator) {
    const target = new URL((await link.getAttribute("href"))!, this.page.url()).href;
    await link.click();
    await this.page.waitForURL(target);
  }

  async clearFilters() {
    await this.follow(this.page.getByRole("link", { name: "Clear all" }));
  }

  /** Clicks a column title: ascending first, again for descending. */
  async sortBy(column: string) {
    await this.follow(this.page.getByRole("columnheader", { name: column }).getByRole("link"));
  }

  sortState(column: string) {
    return this.page.getByRole("columnheader", { name: column });
  }

  async next() {
    await this.follow(this.page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Next" }));
  }

  async previous() {
    await this.follow(this.page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Previous" }));
  }

  async goToPage(n: number) {
    await this.currentPage().fill(String(n));
    await this.currentPage().press("Enter");
  }

  async setPerPage(n: 20 | 50 | 200) {
    await this.page.getByRole("combobox", { name: "Per page" }).selectOption(String(n));
    await this.page.waitForURL((url) => url.searchParams.get("limit") === String(n));
  }

  /** A row's box, "Select <SKU>". */
  rowBox(sku: string) {
    return this.page.getByRole("checkbox", { name: `Select ${sku}`, exact: true });
  }

  /** The header's box: every row of this page. */
  pageBox() {
    return this.page.getByRole("checkbox", { name: "Select all on this page", exact: true });
  }

  /** Magento's mass-select choices: "Select All" is every product the view matches, on every page. */
  async massSelect(choice: "Select All" | "Unselect All" | "Select Visible" | "Unselect Visible") {
    await this.page.getByRole("button", { name: "Selection", exact: true }).click();
    await this.page.getByRole("button", { name: choice, exact: true }).click();
  }

  /** Actions > …, for the rows ticked ("Update attributes" opens the mass update). */
  async action(name: "Update attributes") {
    await this.page.getByRole("button", { name: "Actions", exact: true }).click();
    await this.page.getByRole("button", { name, exact: true }).click();
  }

  /** The messages a mass update left under the title ("A total of 300 record(s) were updated."). */
  messages() {
    return this.page.getByRole("status").filter({ hasNotText: /records? found/ });
  }

  async edit(sku: string) {
    await this.row(sku).getByRole("link", { name: "Edit" }).click();
  }
}
