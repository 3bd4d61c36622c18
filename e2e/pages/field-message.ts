import type { Locator } from "@playwright/test";

/**
 * The message under a form control, as assistive tech finds it: the first element the control's
 * aria-describedby names (every Field names its message first, then its hint and notes).
 */
export function messageOf(control: Locator): Locator {
  return control.locator("xpath=id(substring-before(concat(normalize-space(@aria-describedby), ' '), ' '))");
}
