import { RestClient } from "./api/rest-client";
import { ADMIN, expect, test } from "./fixtures";
import type { Page } from "@playwright/test";

/*
 * Stores > Settings > All Stores, from the catalog data: one website (Main Website), one store,
 * one store view (Default Store View), Default Stock selling to Main Website.
 */

async function saveForm(page: Page, fields: Record<string, string>, selects: Record<string, string> = {}) {
  // By role: a required field's label also holds its "*".
  for (const [name, value] of Object.entries(selects)) await page.getByRole("combobox", { name, exact: true }).selectOption({ label: value });
  for (const [name, value] of Object.entries(fields)) await page.getByRole("textbox", { name, exact: true }).fill(value);
  await page.getByRole("button", { name: "Save", exact: true }).click();
}

test("a merchant adds a website, a store and a store view; they show everywhere at once", async ({ adminPage: page, request }) => {
  await page.getByRole("navigation", { name: "Admin menu" }).getByRole("link", { name: "All Stores" }).click();
  await expect(page).toHaveURL(/\/admin\/system_store$/);

  await page.getByRole("link", { name: "Create Website" }).click();
  await saveForm(page, { Name: "Belgium", Code: "be-1" });
  // Magento's code rule, where it was typed; nothing saved.
  await expect(page.getByText("Website code may only contain letters (a-z), numbers (0-9) or underscore (_)")).toBeVisible();
  await saveForm(page, { Code: "be" });
  await expect(page.getByRole("status").filter({ hasText: "You saved the website." })).toBeVisible();

  await page.getByRole("link", { name: "Create Store", exact: true }).click();
  await saveForm(page, { Name: "Belgium Store", Code: "be_store" }, { "Web Site": "Belgium" });
  await expect(page.getByRole("status").filter({ hasText: "You saved the store." })).toBeVisible();

  await page.getByRole("link", { name: "Create Store View" }).click();
  await saveForm(page, { Name: "Nederlands (België)", Code: "default" }, { Store: "Belgium / Belgium Store" });
  await expect(page.getByText("Store with the same code already exists.")).toBeVisible();
  await saveForm(page, { Code: "be_nl" });
  await expect(page.getByRole("status").filter({ hasText: "You saved the store view." })).toBeVisible();

  const grid = page.getByRole("table", { name: "Web sites, stores and store views" });
  await expect(grid.getByRole("row").filter({ hasText: "Nederlands (België)" })).toContainText("Belgium Store");

  // The configuration's Scope switcher, a stock's Sales Channels, the preview and REST know them.
  await page.goto("/admin/system_config/edit/section/cataloginventory");
  await expect(page.getByLabel("Scope:").locator("option", { hasText: "Nederlands (België)" })).toHaveCount(1);
  await page.goto("/admin/inventory/stock/new");
  await expect(page.getByRole("checkbox", { name: "Belgium" })).toBeVisible();
  await page.goto("/preview");
  await expect(page.getByRole("navigation", { name: /^(Store view|Winkelweergave)$/ }).getByRole("link", { name: "Nederlands (België)" })).toBeVisible();
  const anonymous = new RestClient(request, null);
  const api = anonymous.withToken((await anonymous.post("integration/admin/token", { username: ADMIN.username, password: ADMIN.password })).body);
  expect((await api.forStore("be_nl").get("inventory/stocks")).status).toBe(200);

  // A disabled view: no preview (said so), and the REST prefix refuses it. (be_nl is its store's
  // Default Store View, which stays enabled: Magento's rule; a second view is made disabled.)
  await page.goto("/admin/system_store/newStore");
  await page.getByRole("combobox", { name: "Status", exact: true }).selectOption({ label: "Disabled" });
  await saveForm(page, { Name: "Français (Belgique)", Code: "be_fr" }, { Store: "Belgium / Belgium Store" });
  await expect(page.getByRole("status").filter({ hasText: "You saved the store view." })).toBeVisible();
  await expect(grid.getByRole("row").filter({ hasText: "Français (Belgique)" })).toContainText("Disabled");
  await page.goto("/preview/SR-CAP?store=be_fr");
  await expect(page.getByRole("heading", { name: "This store view is disabled" })).toBeVisible();
  const disabled = await api.forStore("be_fr").get("inventory/stocks");
  expect(disabled.status).toBe(404);
  expect(disabled.body.message).toBe("The store that was requested wasn't found. Verify the store and try again.");
});

test("deletes follow Magento's refusals: the default website has no Delete, a website a stock sells to says which", async ({
  adminPage: page,
}) => {
  await page.goto("/admin/system_store/editWebsite/website_id/1");
  await expect(page.getByRole("button", { name: "Delete Web Site" })).toHaveCount(0);

  await page.goto("/admin/system_store/newWebsite");
  await saveForm(page, { Name: "Belgium", Code: "be" });
  await expect(page.getByRole("status").filter({ hasText: "You saved the website." })).toBeVisible();
  await page.goto("/admin/inventory/stock/new");
  await page.getByLabel("Name", { exact: true }).fill("Belgium Stock");
  await page.getByRole("checkbox", { name: "Belgium" }).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "You saved the stock." })).toBeVisible();

  await page.goto("/admin/system_store");
  await page.getByRole("link", { name: "Belgium", exact: true }).click();
  await page.getByRole("button", { name: "Delete Web Site" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete Web Site" });
  await dialog.getByRole("button", { name: "OK" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(/the stock "Belgium Stock" sells to it/);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await page.goto("/admin/system_store");
  await expect(page.getByRole("link", { name: "Belgium", exact: true })).toBeVisible();
});
