import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/validation/result";
import { subscribedKinds, WEBHOOK_EVENTS_MESSAGE, WEBHOOK_URL_MESSAGE, webhookSchema } from "@/lib/validation/webhook";

const REQUIRED = "This is a required field.";
const NONE = { low_stock: false, out_of_stock: false, back_in_stock: false, backorder: false };
const valid = { name: "Warehouse app", url: "https://example.com/hooks/stock", events: { ...NONE, out_of_stock: true }, isActive: true };

function errors(value: unknown) {
  const result = webhookSchema.safeParse(value);
  expect(result.success).toBe(false);
  return fieldErrorsOf(result.error!);
}

describe("the webhook form's schema (browser and server alike)", () => {
  it("accepts http and https URLs, trimmed, and keeps the ticked events", () => {
    const parsed = webhookSchema.parse({ ...valid, url: "  http://127.0.0.1:8080/hooks?token=a  " });
    expect(parsed.url).toBe("http://127.0.0.1:8080/hooks?token=a");
    expect(subscribedKinds(parsed.events)).toEqual(["out_of_stock"]);
    expect(subscribedKinds({ low_stock: true, out_of_stock: true, back_in_stock: true, backorder: true })).toEqual([
      "low_stock",
      "out_of_stock",
      "back_in_stock",
      "backorder",
    ]);
  });

  it("parses its own output again (the server parses what the browser already did)", () => {
    const once = webhookSchema.parse(valid);
    expect(webhookSchema.parse(once)).toEqual(once);
  });

  it.each([
    ["no scheme", "example.com/hooks"],
    ["a relative path", "/hooks/stock"],
    ["ftp", "ftp://example.com/hooks"],
    ["javascript:", "javascript:alert(1)"],
    ["a file URL", "file:///etc/passwd"],
    ["http without slashes", "http:example.com"],
    ["no host", "https://"],
    ["a space in the host", "https://exa mple.com/"],
  ])("refuses a URL with %s, saying what it needs", (_case, url) => {
    expect(errors({ ...valid, url })).toEqual({ url: WEBHOOK_URL_MESSAGE });
  });

  it("needs a name and a URL", () => {
    expect(errors({ ...valid, name: "  ", url: "" })).toEqual({ name: REQUIRED, url: REQUIRED });
  });

  it("needs at least one event", () => {
    expect(errors({ ...valid, events: NONE })).toEqual({ events: WEBHOOK_EVENTS_MESSAGE });
    expect(WEBHOOK_EVENTS_MESSAGE).toBe("Please choose at least one event.");
  });

  it("refuses a URL longer than 2048 characters", () => {
    expect(errors({ ...valid, url: `https://example.com/${"a".repeat(2048)}` })).toEqual({ url: "Please enter less or equal than 2048 symbols." });
  });
});
