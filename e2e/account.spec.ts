import { test, expect } from "./fixtures";
import { adminCli, createTestAdmin } from "./accounts";
import { AccountPage } from "./pages/account-page";

const SIGN_IN_ERROR =
  "The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later.";
const OLD = "first-Secret-1";
const NEW = "second-Secret-2";

test("an admin changes their own password: the current one is required, errors sit at their fields, the new one signs in", async ({
  page,
  signInPage,
}) => {
  const username = await createTestAdmin(OLD);
  await signInPage.goto();
  await signInPage.signIn(username, OLD);
  await expect(page).toHaveURL(/\/admin\/dashboard$/);

  const account = new AccountPage(page);
  await account.open();
  await expect(page).toHaveURL(/\/admin\/system_account$/);
  await expect(account.heading()).toBeVisible();

  // Checked in the browser by the form's schema, before anything is sent.
  await account.changePassword(OLD, "short1");
  await expect(account.messageAt("New Password")).toHaveText("Your password must be at least 7 characters.");
  await account.changePassword(OLD, NEW, "second-Secret-3");
  await expect(account.messageAt("Password Confirmation")).toHaveText("Your password confirmation must match your password.");

  // Checked on the server: the current password.
  await account.changePassword("not-my-password-1", NEW);
  await expect(account.messageAt("Your Password")).toHaveText(
    "The password entered for the current user is invalid. Verify the password and try again.",
  );

  await account.changePassword(OLD, NEW);
  await expect(account.saved()).toBeVisible();
  await expect(page.getByLabel("Your Password")).toHaveValue("");

  await signInPage.signOut();
  await signInPage.signInAndWait(username, OLD);
  await expect(signInPage.error()).toContainText(SIGN_IN_ERROR);
  await signInPage.signIn(username, NEW);
  await expect(page).toHaveURL(/\/admin\/dashboard$/);
});

test("changing the password ends the account's other sessions", async ({ browser, page }) => {
  const username = await createTestAdmin(OLD);
  const elsewhere = await browser.newPage();
  try {
    for (const p of [page, elsewhere]) {
      await p.goto("/admin");
      await p.getByLabel("Username").fill(username);
      await p.getByLabel("Password").fill(OLD);
      await p.getByRole("button", { name: "Sign in" }).click();
      await expect(p).toHaveURL(/\/admin\/dashboard$/);
    }
    const account = new AccountPage(page);
    await account.open();
    await account.changePassword(OLD, NEW);
    await expect(account.saved()).toBeVisible();

    await page.goto("/admin/dashboard");
    await expect(page).toHaveURL(/\/admin\/dashboard$/);
    await elsewhere.goto("/admin/dashboard");
    await expect(elsewhere).toHaveURL(/\/admin$/);
  } finally {
    await elsewhere.close();
  }
});

test("six wrong passwords lock the account: the right one gets the lockout message until `npm run admin -- unlock`", async ({
  page,
  signInPage,
}) => {
  const username = await createTestAdmin(OLD);
  await signInPage.goto();
  for (let i = 0; i < 6; i++) {
    await signInPage.signInAndWait(username, `wrong-Secret-${i}`);
    await expect(signInPage.error()).toContainText(SIGN_IN_ERROR);
  }
  await signInPage.signInAndWait(username, OLD);
  await expect(signInPage.error()).toContainText(SIGN_IN_ERROR);
  await expect(page).toHaveURL(/\/admin$/);

  expect(adminCli("unlock", username)).toContain(`Unlocked "${username}".`);
  await signInPage.signIn(username, OLD);
  await expect(page).toHaveURL(/\/admin\/dashboard$/);
});
