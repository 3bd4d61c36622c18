import { z } from "zod";

/** The cookie that carries a server action's messages to the page it redirects to. */
export const FLASH_COOKIE = "stockroom_flash";

export const flashSchema = z
  .array(z.object({ kind: z.enum(["success", "warning", "info"]), text: z.string().max(1000) }))
  .max(5);
export type Flash = z.infer<typeof flashSchema>[number];
