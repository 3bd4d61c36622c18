import { test, expect } from "./api/fixtures";
import { AdminGrid, SourceFormPage, StockFormPage } from "./pages/inventory-pages";

test("Stores > Sources: add a source, find it in the grid, edit it; errors sit at the field", async ({ adminPage, api }) => {
  const grid = new AdminGrid(adminPage, "/admin/inventory/source", "Sources");
  const form = new SourceFormPage(adminPage);
  await grid.goto();
  await expect(adminPage.getByRole("heading", { name: "Sources", level: 1 })).toBeVisible();
  expect(await grid.rows()).toEqual([["default", "Default Source", "Enabled", "US", "", "Edit"]]);

  await grid.add("Add New Source");
  await expect(adminPage).toHaveURL(/\/admin\/inventory\/source\/new$/);
  await form.fill({ Name: "North Warehouse", Code: "north wh", Country: "U1" });
  await form.save();
  await expect(form.fieldError("Code")).toContainText("without spaces");
  await expect(form.fieldError("Country")).toHaveText("Please enter a two-letter country code (ISO 3166-1, e.g. US).");
  await expect(form.fieldError("Postcode")).toHaveText("This is a required field.");

  await form.fill({ Code: "north", Country: "us", Postcode: "10001" });
  await form.save();
  await expect(adminPage).toHaveURL(/\/admin\/inventory\/source\/edit\/source_code\/north$/);
  await expect(form.message()).toHaveText(/You saved the source\./);
  await expect(adminPage.getByLabel("Country", { exact: true })).toHaveValue("US");
  // The API reads exactly what the admin saved.
  expect((await api.get("inventory/sources/north")).body).toEqual({
    source_code: "north",
    name: "North Warehouse",
    enabled: true,
    country_id: "US",
    postcode: "10001",
  });

  await form.fill({ Name: "North Depot", enabled: false });
  await form.saveAndConfirm();
  expect((await api.get("inventory/sources/north")).body).toMatchObject({ name: "North Depot", enabled: false });

  await grid.goto();
  await grid.search("depot");
  expect(await grid.rows()).toEqual([["north", "North Depot", "Disabled", "US", "10001", "Edit"]]);
  await expect(grid.recordsFound()).toHaveText("1 record found");
});

test("a second New Source with a taken code is refused at the Code field", async ({ adminPage }) => {
  const form = new SourceFormPage(adminPage);
  await adminPage.goto("/admin/inventory/source/new");
  await form.fill({ Name: "Another", Code: "default", Postcode: "1" });
  await form.save();
  await expect(form.fieldError("Code")).toHaveText('A source with code "default" already exists.');
});

test("a save that does not reach the server says so at the top and keeps what was typed", async ({ adminPage, api }) => {
  const form = new SourceFormPage(adminPage);
  await adminPage.goto("/admin/inventory/source/new");
  await form.fill({ Name: "North Warehouse", Code: "north", Postcode: "10001" });
  // The network drops the action's POST; pages still load.
  await adminPage.route("**/admin/inventory/source/**", (route) =>
    route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue(),
  );
  await form.save();
  await expect(form.message()).toHaveText(/could not be completed\. Check your connection and try again/);
  await expect(form.field("Name")).toHaveValue("North Warehouse");
  await expect(form.field("Postcode")).toHaveValue("10001");
  expect((await api.get("inventory/sources/north")).status).toBe(404);

  await adminPage.unrouteAll();
  await form.saveAndConfirm();
});

test("the default source can not be disabled from its edit page", async ({ adminPage, api }) => {
  const form = new SourceFormPage(adminPage);
  await adminPage.goto("/admin/inventory/source/edit/source_code/default");
  await form.fill({ Postcode: "10001", enabled: false });
  await form.save();
  await expect(form.fieldError("Enable")).toHaveText("Default source can not be disabled.");
  expect((await api.get("inventory/sources/default")).body).toMatchObject({ enabled: true, postcode: "" });
});

test("Stores > Stocks: a new stock sells to Main Website from two sources; the API and salable figures follow", async ({ adminPage, api }) => {
  for (const [code, name] of [["north", "North Warehouse"], ["south", "South Warehouse"]]) {
    await api.post("inventory/sources", { source: { source_code: code, name, country_id: "US", postcode: "1" } });
  }
  await api.post("inventory/source-items", {
    sourceItems: [
      { sku: "SR-CAP", source_code: "north", quantity: 4, status: 1 },
      { sku: "SR-CAP", source_code: "south", quantity: 6, status: 1 },
    ],
  });
  const grid = new AdminGrid(adminPage, "/admin/inventory/stock", "Stocks");
  const form = new StockFormPage(adminPage);
  await grid.goto();
  await grid.add("Add New Stock");
  await form.setName("Retail Stock");
  await form.sellTo("Main Website");
  await form.assign("North Warehouse", 1);
  await form.assignWithoutPriority("South Warehouse");
  await form.save();
  await expect(form.priorityError("South Warehouse")).toHaveText("This is a required field.");
  await form.assign("South Warehouse", 2);
  await form.save();
  await expect(adminPage).toHaveURL(/\/admin\/inventory\/stock\/edit\/id\/2$/);
  await expect(form.message()).toHaveText(/You saved the stock\./);

  expect((await api.get("inventory/stocks/2")).body.extension_attributes.sales_channels).toEqual([{ type: "website", code: "base" }]);
  // SR-CAP on Retail Stock: 4 + 6 − (−50) = 60.
  expect((await api.get("inventory/get-product-salable-quantity/SR-CAP/2")).body).toBe(60);

  await form.assign("South Warehouse", null);
  await form.saveAndConfirm();
  // Only North's 4 now: 4 − (−50) = 54.
  expect((await api.get("inventory/get-product-salable-quantity/SR-CAP/2")).body).toBe(54);

  await grid.goto();
  expect(await grid.rows()).toEqual([
    ["1", "Default Stock", "None", "Default Source", "Edit"],
    ["2", "Retail Stock", "base", "North Warehouse", "Edit"],
  ]);
  await grid.sortBy("Name");
  await grid.sortBy("Name");
  expect((await grid.rows()).map((r) => r[1])).toEqual(["Retail Stock", "Default Stock"]);
});

test("Default Stock keeps Main Website unless another stock takes it", async ({ adminPage }) => {
  const form = new StockFormPage(adminPage);
  await adminPage.goto("/admin/inventory/stock/edit/id/1");
  await expect(adminPage.getByText("Default Stock always sells from Default Source only.")).toBeVisible();
  await form.sellTo("Main Website", false);
  await form.save();
  await expect(form.message()).toHaveText(/Website "base" sells from Default Stock/);
});

test("the Stores menu leads to Sources and Stocks", async ({ adminPage }) => {
  await adminPage.goto("/admin/dashboard");
  const menu = adminPage.getByRole("navigation", { name: "Admin menu" });
  await menu.getByRole("link", { name: "Sources" }).click();
  await expect(adminPage).toHaveURL(/\/admin\/inventory\/source$/);
  await menu.getByRole("link", { name: "Stocks" }).click();
  await expect(adminPage.getByRole("heading", { name: "Stocks", level: 1 })).toBeVisible();
});
