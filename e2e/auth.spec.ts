import { test, expect, ADMIN } from "./fixtures";

const SIGN_IN_ERROR =
  "The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later.";

test("an admin signs in and lands on the dashboard", async ({ page, signInPage }) => {
  await signInPage.goto();
  await signInPage.signIn(ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(/\/admin\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expect(page.getByText(`Signed in as ${ADMIN.username}`)).toBeVisible();
});

test("a wrong password is refused with Magento's message", async ({ page, signInPage }) => {
  await signInPage.goto();
  await signInPage.signIn(ADMIN.username, "not-the-password");
  await expect(signInPage.error()).toContainText(SIGN_IN_ERROR);
  await expect(page).toHaveURL(/\/admin$/);
});

test("empty fields get a message where they were typed", async ({ page, signInPage }) => {
  await signInPage.goto();
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("This is a required field.")).toHaveCount(2);
});

test("signing out ends the session", async ({ adminPage, signInPage }) => {
  await signInPage.signOut();
  await expect(adminPage).toHaveURL(/\/admin$/);
  await adminPage.goto("/admin/dashboard");
  await expect(adminPage).toHaveURL(/\/admin$/);
  await expect(adminPage.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("a signed-out visit to an admin URL redirects to sign-in", async ({ page }) => {
  await page.goto("/admin/dashboard");
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByLabel("Username")).toBeVisible();
});

test("a forged session cookie is not a session", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "stockroom_admin", value: "forged", url: baseURL! }]);
  await page.goto("/admin/dashboard");
  await expect(page).toHaveURL(/\/admin$/);
});
