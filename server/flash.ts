import "server-only";
import { cookies } from "next/headers";
import { FLASH_COOKIE, flashSchema, type Flash } from "@/lib/flash-cookie";

/**
 * Messages for the page a server action redirects to ("You saved the product."), kept for a
 * minute in a cookie the way Magento keeps them in the session. Text only: React escapes it.
 */
export async function setFlash(messages: Flash[]): Promise<void> {
  (await cookies()).set(FLASH_COOKIE, JSON.stringify(messages), { path: "/admin", maxAge: 60, sameSite: "lax" });
}

/** In the page the action redirected to; FlashMessages removes the cookie once shown. */
export async function readFlash(): Promise<Flash[]> {
  const raw = (await cookies()).get(FLASH_COOKIE)?.value;
  if (!raw) return [];
  try {
    const parsed = flashSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
