import type { Page } from "@playwright/test";
import { messageOf } from "./field-message";

/** Change Password (Account Setting), reached from the account links at the top of every admin page. */
export class AccountPage {
  constructor(private readonly page: Page) {}

  open() {
    return this.page.getByRole("link", { name: "Account Setting" }).click();
  }

  heading() {
    return this.page.getByRole("heading", { name: "Change Password", level: 1 });
  }

  async changePassword(current: string, next: string, confirmation = next) {
    await this.page.getByLabel("New Password").fill(next);
    await this.page.getByLabel("Password Confirmation").fill(confirmation);
    await this.page.getByLabel("Your Password").fill(current);
    await this.page.getByRole("button", { name: "Save Account" }).click();
  }

  /** The message under a field, by the field's label. */
  messageAt(label: "New Password" | "Password Confirmation" | "Your Password") {
    return messageOf(this.page.getByLabel(label));
  }

  saved() {
    return this.page.getByText("You saved the account.");
  }
}
