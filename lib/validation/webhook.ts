import { z } from "zod";
import type { StockAlertKind } from "@/lib/inventory";
import { booleanField, idField, textField } from "./fields";

/** Stores > Webhooks: the New / Edit Webhook form, parsed by the browser and the server alike. */

export const WEBHOOK_URL_MESSAGE = "Please enter a full URL that starts with http:// or https://, such as https://example.com/hooks/stock.";
export const WEBHOOK_EVENTS_MESSAGE = "Please choose at least one event.";

/** http(s) only, absolute, with a host: what the dispatcher can POST to. */
function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

const eventsShape = {
  low_stock: booleanField(),
  out_of_stock: booleanField(),
  back_in_stock: booleanField(),
  backorder: booleanField(),
} satisfies Record<StockAlertKind, unknown>;

export const webhookSchema = z.object({
  name: textField(),
  url: textField(2048).refine(isHttpUrl, WEBHOOK_URL_MESSAGE),
  /** One checkbox per stock alert kind (lib/inventory alertTitle names them). */
  events: z.object(eventsShape).refine((events) => Object.values(events).some(Boolean), WEBHOOK_EVENTS_MESSAGE),
  isActive: booleanField(),
});
export type WebhookFormInput = z.input<typeof webhookSchema>;
export type WebhookValues = z.output<typeof webhookSchema>;

/** The kinds a form's ticked boxes subscribe to, in the order the form lists them. */
export function subscribedKinds(events: WebhookValues["events"]): StockAlertKind[] {
  return (Object.keys(eventsShape) as StockAlertKind[]).filter((kind) => events[kind]);
}

/** The form's boxes for the kinds a webhook subscribes to. */
export function eventBoxes(kinds: readonly StockAlertKind[]): WebhookValues["events"] {
  return {
    low_stock: kinds.includes("low_stock"),
    out_of_stock: kinds.includes("out_of_stock"),
    back_in_stock: kinds.includes("back_in_stock"),
    backorder: kinds.includes("backorder"),
  };
}

/** `/admin/webhooks/edit/id/{id}` and the ids an action names. */
export const webhookIdParam = idField();

export const deliveryRefSchema = z.object({ webhookId: idField(), deliveryId: idField() });
