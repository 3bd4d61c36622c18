import { closeDb } from "@/db/connection";
import { saveAdminRole } from "@/db/queries/admin-roles";
import { createAdminUser } from "@/db/queries/auth";
import type { AclResource } from "@/lib/auth/acl";
import { test, expect, ADMIN, openE2eDb } from "./fixtures";
import { RestClient } from "./api/rest-client";
import { ConfigPage } from "./pages/config-page";
import { accessDenied, menuLinks, RolesPage, UsersPage } from "./pages/permissions-pages";
import { ProductPage } from "./pages/product-page";

// Two browsers and several passwords checked at production cost (sign-in, "Your Password", tokens).
test.describe.configure({ timeout: 90_000 });

const ACCESS_DENIED = "Sorry, you need permissions to view this content.";
const CLERK = { username: "wh-clerk", firstName: "Wanda", lastName: "Holm", email: "wanda@example.com", password: "shelves-Secret-1", role: "Warehouse" };

/*
 * Issue 13: an administrator gives a warehouse clerk sources, stocks and products, nothing else.
 * The clerk sees only those menus, is refused the configuration (page, form and REST), and can
 * still do their job: a source item's quantity.
 */
test("an administrator makes a Warehouse role and a user with it; the user gets that and nothing more", async ({
  adminPage,
  browser,
  playwright,
  baseURL,
}) => {
  // System > Permissions > User Roles > Add New Role: Sources and Stocks (with all below them), Products.
  const roles = new RolesPage(adminPage);
  await roles.open();
  await roles.create(
    "Warehouse",
    [
      ["Stores", "Inventory", "Sources"],
      ["Stores", "Inventory", "Stocks"],
      ["Catalog", "Inventory", "Products"],
    ],
    ADMIN.password,
  );
  await expect(adminPage.getByRole("status").filter({ hasText: "You saved the role." })).toBeVisible();
  await expect(roles.table().getByRole("row", { name: /Warehouse Custom 0/ })).toBeVisible();

  // All Users > Add New User: "Your Password" first wrong (Magento's identity check), then right.
  const users = new UsersPage(adminPage);
  await users.open();
  await users.startNew();
  await users.fill(CLERK);
  await users.save("not-my-password-1");
  await expect(users.yourPasswordMessage()).toHaveText("The password entered for the current user is invalid. Verify the password and try again.");
  await users.save(ADMIN.password);
  await expect(adminPage.getByRole("status").filter({ hasText: "You saved the user." })).toBeVisible();
  await expect(users.row(CLERK.username)).toContainText("Warehouse");

  // The clerk signs in, in a browser of their own, and lands on the first screen their role grants.
  const clerk = await browser.newPage();
  try {
    await clerk.goto("/admin");
    await clerk.getByLabel("Username").fill(CLERK.username);
    await clerk.getByLabel("Password").fill(CLERK.password);
    await clerk.getByRole("button", { name: "Sign in" }).click();
    await expect(clerk).toHaveURL(/\/admin\/catalog\/product$/);
    await expect(menuLinks(clerk)).toHaveText(["Products", "Sources", "Stocks"]);

    // The configuration page by its URL: Magento's refusal, with a 403, and no form.
    const refused = await clerk.goto(ConfigPage.url());
    expect(refused?.status()).toBe(403);
    await expect(accessDenied(clerk)).toBeVisible();
    await expect(clerk.getByRole("button", { name: "Save Config" })).toHaveCount(0);

    // The configuration form, sent with the clerk's session (as a crafted request would): refused, nothing saved.
    const config = new ConfigPage(adminPage);
    await config.goto();
    const before = await config.shownValue("Backorders");
    await config.setInherit("Backorders", false);
    await config.choose("Backorders", before === "No Backorders" ? "Allow Qty Below 0" : "No Backorders");
    const adminCookies = await adminPage.context().cookies();
    await adminPage.context().clearCookies();
    await adminPage.context().addCookies(await clerk.context().cookies());
    await config.save();
    await expect(config.errorMessage()).toContainText(ACCESS_DENIED);
    await adminPage.context().clearCookies();
    await adminPage.context().addCookies(adminCookies);
    await config.goto();
    expect(await config.shownValue("Backorders")).toBe(before);

    // REST with the clerk's own token: the configuration call answers 401 naming its resource, and changes nothing.
    const request = await playwright.request.newContext({ baseURL });
    try {
      const anonymous = new RestClient(request, null);
      const clerkApi = anonymous.withToken((await anonymous.post("integration/admin/token", { username: CLERK.username, password: CLERK.password })).body);
      const adminApi = anonymous.withToken((await anonymous.post("integration/admin/token", { username: ADMIN.username, password: ADMIN.password })).body);
      const stored = (await adminApi.get("stockroom/config/default/0")).body;
      const put = await clerkApi.put("stockroom/config/default/0", { values: { "cataloginventory/item_options/backorders": "0" } });
      expect(put).toEqual({
        status: 401,
        body: { message: "The consumer isn't authorized to access %resources.", parameters: { resources: "Magento_CatalogInventory::cataloginventory" } },
      });
      expect((await adminApi.get("stockroom/config/default/0")).body).toEqual(stored);
      expect((await clerkApi.get("inventory/sources/default")).status).toBe(200);
    } finally {
      await request.dispose();
    }

    // Their job: Canvas Cap's quantity at the default source, 40 → 35 (single-source mode: the product's Quantity).
    const product = new ProductPage(clerk);
    await product.open("SR-CAP");
    await product.fill({ Quantity: "35" });
    await product.save();
    await expect(product.messages()).toContainText(["You saved the product."]);
    await clerk.reload();
    await expect(product.field("Quantity")).toHaveValue("35");
  } finally {
    await clerk.close();
  }
});

test("an admin cannot disable their own account, and a role that users have cannot be deleted", async ({ adminPage }) => {
  const users = new UsersPage(adminPage);
  await users.open();
  await users.row(ADMIN.username).getByRole("button", { name: `Disable ${ADMIN.username}` }).click();
  await adminPage.getByRole("dialog").getByRole("button", { name: "Disable" }).click();
  await expect(adminPage.getByRole("dialog").getByRole("alert")).toHaveText("You can't disable your own account.");
  await adminPage.keyboard.press("Escape");

  // A Packers role and its user, as an administrator set them up before.
  await createRoleWithUser("Packers", ["Magento_Sales::ship"], "packer");
  const roles = new RolesPage(adminPage);
  await roles.open();
  await roles.table().getByRole("link", { name: "Edit Packers" }).click();
  await adminPage.getByRole("button", { name: "Delete Role" }).click();
  await adminPage.getByRole("dialog").getByRole("button", { name: "OK" }).click();
  await expect(adminPage.getByRole("dialog").getByRole("alert")).toHaveText(
    'You can\'t delete the role "Packers": 1 user(s) have it. Give them another role first.',
  );
});

/** A role and one user with it, straight in the server's database (a reset removes both). */
async function createRoleWithUser(roleName: string, resources: AclResource[], username: string) {
  const db = await openE2eDb();
  try {
    const roleId = await saveAdminRole(db, null, { roleName, allResources: false, resources }, null);
    await createAdminUser(db, username, "not-a-real-hash", roleId);
  } finally {
    await closeDb(db);
  }
}
