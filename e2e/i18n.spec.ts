import { RestClient } from "./api/rest-client";
import { ADMIN, expect, resetTo, test } from "./fixtures";
import { ConfigPage } from "./pages/config-page";
import { StorefrontPage } from "./pages/storefront-page";

/*
 * Two languages (docs/i18n.md): the admin speaks each account's Interface Locale, the storefront
 * preview its store view's Locale, and REST stays English. On the demo data (db/seed.ts): the
 * Linen Fabric is sold by the metre, 12.5 in the Default Source, so a Dutch admin reads "12,5";
 * Belgium's `be_nl` store view speaks Dutch, its Limited Edition Poster has 4 in Antwerp and its own
 * threshold 2 (No Backorders), so it sells as 2, under Belgium's Only X left Threshold 3; the Canvas
 * Cap has 2 in Antwerp and takes Backorders from Default Config (threshold −50).
 */

test("an admin who switches to Nederlands reads the admin in Dutch, with decimal commas; REST answers stay English", async ({ adminPage: page, request }) => {
  await page.getByRole("link", { name: "Account Setting" }).click();
  await page.getByLabel("Interface Locale").selectOption({ label: "Nederlands (Nederland) / Dutch (Netherlands)" });
  await page.getByRole("button", { name: "Save Interface Locale" }).click();
  // The whole admin re-renders in the new language at once: the header, the menu, this page.
  await expect(page.getByRole("link", { name: "Accountinstellingen" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Wachtwoord wijzigen", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl-NL");
  const menu = page.getByRole("navigation", { name: "Beheermenu" });
  await expect(menu.getByRole("link", { name: "Producten" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Configuratie" })).toBeVisible();

  // Stores > Configuration > Catalog > Inventory.
  await menu.getByRole("link", { name: "Configuratie" }).click();
  await expect(page.getByRole("heading", { name: "Configuratie", level: 1 })).toBeVisible();
  await expect(page.getByRole("group", { name: "Nabestellingen", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Config opslaan" })).toBeVisible();

  // Catalog > Products: the grid's words and its quantities.
  await menu.getByRole("link", { name: "Producten" }).click();
  await expect(page.getByRole("heading", { name: "Producten", level: 1 })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Verkoopbare hoeveelheid" })).toBeVisible();
  const fabric = page.getByRole("row").filter({ hasText: "SR-FABRIC-M" });
  await expect(fabric).toContainText("12,5");
  await expect(fabric).not.toContainText("12.5");

  // The product page and its Advanced Inventory panel, with a validation message in Dutch.
  await fabric.getByRole("link", { name: /Bewerken/ }).click();
  await page.getByRole("button", { name: "Geavanceerde voorraad" }).click();
  const panel = page.getByRole("dialog", { name: "Geavanceerde voorraad" });
  await expect(panel.getByRole("group", { name: "Voorraad beheren", exact: true })).toBeVisible();
  await expect(panel.getByRole("group", { name: "Nabestellingen", exact: true })).toBeVisible();
  await expect(panel.getByRole("checkbox", { name: "Configuratie-instellingen gebruiken" }).first()).toBeVisible();
  await panel.getByRole("button", { name: "Annuleren" }).click();
  await page.getByRole("textbox", { name: "Productnaam", exact: true }).fill("");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("Dit is een verplicht veld.")).toBeVisible();

  // Reports > Low Stock.
  await menu.getByRole("link", { name: "Lage voorraad" }).click();
  await expect(page.getByRole("heading", { name: "Rapport lage voorraad", level: 1 })).toBeVisible();
  await expect(page.getByRole("columnheader")).toHaveText(["Product", "SKU", "Hoeveelheid", "Broncode"]);

  // REST answers as Magento's does, in English, whatever the token's admin reads.
  const token = (await new RestClient(request, null).post("integration/admin/token", { username: ADMIN.username, password: ADMIN.password })).body;
  const missing = await new RestClient(request, token).get("products/SR-NOPE");
  expect(missing.status).toBe(404);
  expect(missing.body.message).toBe("The product that was requested doesn't exist. Verify the product and try again.");
});

test.describe("a Dutch store view", () => {
  test.beforeEach(() => resetTo("demo"));

  test("tells shoppers in Dutch, whatever the admin's language; the default store view stays English", async ({ adminPage: page }) => {
    const storefront = new StorefrontPage(page);
    await storefront.goto("SR-POSTER-LTD", "be_nl");
    await expect(storefront.label("Nog slechts 2 over")).toBeVisible();
    await expect(storefront.label("Op voorraad")).toBeVisible();
    // The merchant's frame around it keeps the admin's English.
    await expect(page.getByText("Storefront preview: orders placed here are real preview orders in Sales > Orders.")).toBeVisible();

    // Inventory-rules §4, at the Qty box, in Dutch: the poster's own Maximum Qty 2, then 2 of the
    // salable 1 left after an order of 1 (No Backorders).
    await storefront.addToCart(3);
    await expect(storefront.qtyError()).toHaveText("U kunt maximaal 2 stuks kopen.");
    await storefront.addToCart(1);
    await expect(storefront.messages()).toContainText("U hebt Limited Edition Poster aan uw winkelwagen toegevoegd.");
    await storefront.goto("SR-POSTER-LTD", "be_nl");
    await expect(storefront.label("Nog slechts 1 over")).toBeVisible();
    await storefront.addToCart(2);
    await expect(storefront.qtyError()).toHaveText("Onvoldoende artikelen te koop");

    // Backorders with a notice (§5) from Default Config: 5 of the 2 in Antwerp, 3 on backorder, in Dutch.
    await new ConfigPage(page).saveValues("default", { Backorders: "Allow Qty Below 0 and Notify Customer" });
    await storefront.goto("SR-CAP", "be_nl");
    await storefront.addToCart(5);
    await expect(storefront.messages().filter({ hasText: "U hebt Canvas Cap aan uw winkelwagen toegevoegd." })).toBeVisible();
    await expect(
      storefront.messages().filter({ hasText: "We hebben niet zoveel op voorraad als u hebt gevraagd, maar we bestellen de resterende 3 na." }),
    ).toBeVisible();

    await storefront.goto("SR-POSTER-LTD");
    await expect(storefront.label("In stock")).toBeVisible();
    await storefront.goto("SR-SOCKS", "be_nl");
    await expect(storefront.label("Niet op voorraad")).toBeVisible();
  });
});
