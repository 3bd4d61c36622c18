import { createTestAdmin } from "./accounts";
import { expect, test } from "./fixtures";
import { ConfigPage } from "./pages/config-page";
import { ProductPage } from "./pages/product-page";
import { SignInPage } from "./pages/sign-in-page";

/*
 * Two admins at once, each in a browser of their own: the demo admin and a clerk open the same
 * configuration field and the same product. The first save wins; the second is refused with the
 * exact message and overwrites nothing (catalog data: Notify for Quantity Below 10 at Default
 * Config, SR-TEE-SEED 25 on the shelf).
 */

test("the second admin's save of the same field and the same product is refused and overwrites nothing", async ({ adminPage, browser }) => {
  const password = "Clerk-pass-2026";
  const clerkName = await createTestAdmin(password);
  const clerkContext = await browser.newContext();
  try {
    const clerkPage = await clerkContext.newPage();
    await new SignInPage(clerkPage).goto();
    await new SignInPage(clerkPage).signIn(clerkName, password);
    await expect(clerkPage).toHaveURL(/\/admin\/dashboard$/);

    const mine = new ConfigPage(adminPage);
    const theirs = new ConfigPage(clerkPage);
    await mine.goto();
    await theirs.goto();
    await mine.fill("Notify for Quantity Below", "7");
    await mine.save();
    await expect(mine.successMessage()).toBeVisible();
    await theirs.fill("Notify for Quantity Below", "3");
    await theirs.save();
    await expect(theirs.errorMessage()).toContainText(
      "Someone else changed Notify for Quantity Below since you opened this page. Reload the page to see the current values, then save again.",
    );
    await theirs.reload();
    await expect(theirs.control("Notify for Quantity Below")).toHaveValue("7");

    const myProduct = new ProductPage(adminPage);
    const theirProduct = new ProductPage(clerkPage);
    await myProduct.open("SR-TEE-SEED");
    await theirProduct.open("SR-TEE-SEED");
    await myProduct.fill({ Quantity: "30" });
    await myProduct.save();
    await expect(myProduct.messages()).toContainText(["You saved the product."]);
    await theirProduct.fill({ Quantity: "40" });
    await theirProduct.save();
    await expect(theirProduct.formError()).toContainText(
      "Someone else changed this product after you opened it: Quantity (25 → 30). Nothing was saved.",
    );
    await clerkPage.reload();
    await expect(theirProduct.field("Quantity")).toHaveValue("30");
  } finally {
    await clerkContext.close();
  }
});
