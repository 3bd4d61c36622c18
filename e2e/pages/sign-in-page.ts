import type { Page } from "@playwright/test";

export class SignInPage {
  constructor(private readonly page: Page) {}

  goto() {
    return this.page.goto("/admin");
  }

  async signIn(username: string, password: string) {
    await this.page.getByLabel("Username").fill(username);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  error() {
    return this.page.locator("form").getByRole("alert");
  }

  async signOut() {
    await this.page.getByRole("button", { name: "Sign Out" }).click();
  }
}
