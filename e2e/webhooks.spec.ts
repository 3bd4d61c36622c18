import { expect, test } from "./api/fixtures";
import { WebhooksPage } from "./pages/webhooks-page";
import { signedWith, startReceiver, type ReceivedDelivery } from "./webhook-receiver";

// The server under test polls every 200 ms and waits 0.2 s × 2^(attempts − 1) before a retry
// (WEBHOOK_POLL_MS, WEBHOOK_RETRY_BASE_SECONDS in playwright.config.ts).

const URL_MESSAGE = "Please enter a full URL that starts with http:// or https://, such as https://example.com/hooks/stock.";

const eventAndSku = (d: ReceivedDelivery) => [d.headers["x-stockroom-event"], (JSON.parse(d.body) as { product: { sku: string } }).product.sku];

test("each stock alert reaches a webhook once, signed; a failing receiver gets it on its third try; the log shows every answer", async ({
  adminPage: page,
  api,
}) => {
  const warehouse = await startReceiver();
  // Answers 500 to the first two tries of each delivery.
  const flaky = await startReceiver({ failFirst: 2 });
  try {
    const webhooks = new WebhooksPage(page);
    await webhooks.open();
    await webhooks.addNew();
    // A new webhook subscribes to all four events.
    await webhooks.fill({ name: "Warehouse app", url: warehouse.url });
    await webhooks.save();
    const warehouseSecret = await webhooks.secret();
    await webhooks.open();
    await webhooks.addNew();
    await webhooks.fill({ name: "Flaky ERP", url: flaky.url, events: ["Out of Stock"] });
    await webhooks.save();
    const flakySecret = await webhooks.secret();
    expect(flakySecret).not.toBe(warehouseSecret);

    // One order, two alerts. Canvas Cap: 40 on the shelf, 31 leaves 9 < Notify Qty 10 (Default
    // Config): Low Stock. Linen Fabric: 12.5 m and no backorders, all of it: Out of Stock.
    const order = await api.post("stockroom/orders", {
      store_code: "default",
      items: [
        { sku: "SR-CAP", qty: 31 },
        { sku: "SR-FABRIC-M", qty: 12.5 },
      ],
    });
    expect(order.status).toBe(200);

    // The flaky receiver's third try comes after two backoffs and several polls: by then every
    // delivery to the warehouse has long been made, once.
    await expect.poll(() => flaky.received.length, { timeout: 20_000 }).toBe(3);
    expect(warehouse.received.map(eventAndSku).sort()).toEqual([
      ["low_stock", "SR-CAP"],
      ["out_of_stock", "SR-FABRIC-M"],
    ]);
    expect(warehouse.received.every((d) => signedWith(d, warehouseSecret))).toBe(true);
    expect(warehouse.received.some((d) => signedWith(d, flakySecret))).toBe(false);
    // The flaky one subscribes to Out of Stock only: one delivery, tried three times.
    expect(flaky.received.map(eventAndSku)).toEqual(Array(3).fill(["out_of_stock", "SR-FABRIC-M"]));
    expect(flaky.received.map((d) => d.answered)).toEqual([500, 500, 200]);
    expect(new Set(flaky.received.map((d) => d.headers["x-stockroom-delivery"])).size).toBe(1);
    expect(flaky.received.every((d) => signedWith(d, flakySecret))).toBe(true);

    await webhooks.open();
    await webhooks.edit("Flaky ERP");
    await webhooks.waitForDeliveries([{ alert: "Out of Stock", status: "Delivered", attempts: "3 attempts", lastAnswer: "HTTP 200" }]);
    expect(await webhooks.attempts("Out of Stock")).toEqual(["HTTP 500", "HTTP 500", "HTTP 200"]);

    // Resend: the warehouse gets the Low Stock alert again, and the log shows the second attempt.
    await webhooks.open();
    await webhooks.edit("Warehouse app");
    const delivered = { status: "Delivered", attempts: "1 attempt", lastAnswer: "HTTP 200" };
    const rows = await webhooks.deliveryRows();
    expect(rows.map((row) => row.alert).sort()).toEqual(["Low Stock", "Out of Stock"]);
    expect(rows.every((row) => row.status === delivered.status && row.attempts === delivered.attempts)).toBe(true);
    await webhooks.resend("Low Stock");
    await expect.poll(() => warehouse.received.length, { timeout: 10_000 }).toBe(3);
    expect(eventAndSku(warehouse.received[2])).toEqual(["low_stock", "SR-CAP"]);
    expect(signedWith(warehouse.received[2], warehouseSecret)).toBe(true);
    await webhooks.waitForDeliveries(
      rows.map((row) => (row.alert === "Low Stock" ? { ...delivered, alert: row.alert, attempts: "2 attempts" } : { ...delivered, alert: row.alert })),
    );
  } finally {
    await warehouse.close();
    await flaky.close();
  }
});

test("the form says what a URL needs and that an event is needed; Delete asks first and works by keyboard", async ({ adminPage: page }) => {
  const webhooks = new WebhooksPage(page);
  await webhooks.open();
  await expect(webhooks.table()).toContainText("There are no webhooks yet");
  await webhooks.addNew();
  await webhooks.fill({ name: "Stock feed", url: "ftp://example.com/hooks", events: [] });
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(webhooks.fieldError("URL")).toHaveText(URL_MESSAGE);
  await expect(page.getByRole("group", { name: "Events" })).toContainText("Please choose at least one event.");

  await webhooks.fill({ url: "https://example.com/hooks/stock", events: ["Back in Stock", "On Backorder"] });
  await webhooks.save();
  await expect(page.getByRole("heading", { name: "Stock feed", level: 1 })).toBeVisible();
  await expect(webhooks.secret()).resolves.toMatch(/^[A-Za-z0-9_-]{43}$/);
  await expect(webhooks.deliveryLog()).toContainText("Nothing has been sent yet");

  await webhooks.open();
  expect(await webhooks.table().locator("tbody tr").first().getByRole("cell").allInnerTexts()).toEqual([
    "Stock feed",
    "https://example.com/hooks/stock",
    "Back in Stock, On Backorder",
    "Active",
    "0 delivered, 0 pending, 0 failed",
    "Edit",
  ]);
  await webhooks.edit("Stock feed");

  // Keyboard only: Delete opens the dialog on Cancel; Escape closes it and gives the focus back.
  const remove = page.getByRole("button", { name: "Delete", exact: true });
  await remove.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Delete Webhook" });
  await expect(dialog).toContainText('Delete the webhook "Stock feed" and its delivery log?');
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(remove).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "OK" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "You deleted the webhook." })).toBeVisible();
  await expect(webhooks.table()).toContainText("There are no webhooks yet");
});
