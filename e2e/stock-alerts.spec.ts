import { ADMIN, expect, test } from "./api/fixtures";
import { NotificationsPage } from "./pages/notifications-page";
import { WebhooksPage } from "./pages/webhooks-page";
import { signedWith, startReceiver, type ReceivedDelivery } from "./webhook-receiver";

/*
 * The whole path of a stock alert, as issue 14 tells it. Limited Edition Poster (catalog data):
 * 6 on the shelf, its own No Backorders, Out-of-Stock Threshold 2 and Notify for Quantity Below 5.
 *   Order of 2: 4 left < 5 → Low Stock (salable 4 − 2 = 2).
 *   Order of 2 more: 2 left, salable 0 → Out of Stock.
 * Two alerts, each reaching the bell, the RSS feed and every webhook exactly once. The server
 * polls webhooks every 200 ms and retries after 0.2 s × 2^(attempts − 1) (playwright.config.ts).
 */

const FEED = "/rss/catalog/notifystock";
const events = (received: ReceivedDelivery[]) => received.map((d) => `${d.headers["x-stockroom-event"]} ${JSON.parse(d.body).product.sku}`);

test("an order below Notify Qty, then one that sells out: two alerts in the admin, the RSS feed and each webhook, once each", async ({
  adminPage: page,
  api,
  request,
}) => {
  const receiver = await startReceiver();
  const failsTwice = await startReceiver({ failFirst: 2 });
  try {
    const webhooks = new WebhooksPage(page);
    const secrets: string[] = [];
    for (const [name, url] of [["Warehouse app", receiver.url], ["ERP", failsTwice.url]]) {
      await webhooks.open();
      await webhooks.addNew();
      await webhooks.fill({ name, url });
      await webhooks.save();
      secrets.push(await webhooks.secret());
    }

    for (const qty of [2, 2]) {
      const order = await api.post("stockroom/orders", { store_code: "default", items: [{ sku: "SR-POSTER-LTD", qty }] });
      expect(order.status).toBe(200);
    }

    // Each event's third try reaches the ERP: two events × (500, 500, 200).
    await expect.poll(() => failsTwice.received.length, { timeout: 20_000 }).toBe(6);
    expect(failsTwice.received.map((d) => d.answered)).toEqual(expect.arrayContaining([500, 500, 200, 500, 500, 200]));
    expect(failsTwice.received.filter((d) => d.answered === 200).map((d) => d.headers["x-stockroom-event"]).sort()).toEqual([
      "low_stock",
      "out_of_stock",
    ]);
    expect(failsTwice.received.every((d) => signedWith(d, secrets[1]))).toBe(true);
    expect(events(receiver.received).sort()).toEqual(["low_stock SR-POSTER-LTD", "out_of_stock SR-POSTER-LTD"]);
    expect(receiver.received.every((d) => signedWith(d, secrets[0]))).toBe(true);
    // Never again: a few more polls send nothing new.
    await page.waitForTimeout(1_500);
    expect(receiver.received).toHaveLength(2);
    expect(failsTwice.received).toHaveLength(6);

    // The admin: the bell and System > Notifications.
    const notifications = new NotificationsPage(page);
    await page.goto("/admin/dashboard");
    await expect(notifications.bell()).toHaveAccessibleName("Notifications, 2 unread");
    await notifications.open();
    const rows = await notifications.rows();
    expect(rows.map((row) => row[0])).toEqual(["Out of Stock Unread", "Low Stock Unread"]);

    // The Notify Low Stock RSS feed, with an admin's credentials.
    const basic = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString("base64")}`;
    const feed = await request.get(FEED, { headers: { authorization: basic } });
    expect(feed.status()).toBe(200);
    const xml = await feed.text();
    expect(xml.match(/<item>/g)).toHaveLength(2);
    expect(xml).toContain("<title>Low Stock: SR-POSTER-LTD (Default Stock)</title>");
    expect(xml).toContain("<title>Out of Stock: SR-POSTER-LTD (Default Stock)</title>");
  } finally {
    await receiver.close();
    await failsTwice.close();
  }
});
