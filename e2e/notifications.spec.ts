import type { Page } from "@playwright/test";
import { ADMIN, test, expect } from "./fixtures";
import { NotificationsPage } from "./pages/notifications-page";
import { StorefrontPage } from "./pages/storefront-page";

const POSTER = "Limited Edition Poster";
const FEED = "/rss/catalog/notifystock";

/**
 * Two stock alerts from the demo catalog. Limited Edition Poster: 6 on the shelf, its own Notify
 * for Quantity Below 5 and Out-of-Stock Threshold 2, no backorders, at most 2 per cart.
 * An order of 2 leaves 4 < 5: Low Stock. Another 2: salable 6 − 4 − 2 = 0, Out of Stock.
 */
async function sellPosterOut(page: Page) {
  const storefront = new StorefrontPage(page);
  for (let i = 0; i < 2; i++) {
    await storefront.goto("SR-POSTER-LTD");
    await storefront.addToCart(2);
    await expect(storefront.messages()).toContainText(`You added ${POSTER} to your shopping cart.`);
  }
}

test("the bell counts unread stock alerts, Notifications lists them newest first, Mark as Read counts down", async ({ adminPage: page }) => {
  const notifications = new NotificationsPage(page);
  // A fresh catalog has raised nothing: no count, and the list says why it is empty.
  await expect(notifications.bell()).toHaveAccessibleName("Notifications");
  await notifications.open();
  await expect(notifications.table()).toContainText("No notifications yet.");
  await expect(page.getByRole("button", { name: "Mark All as Read" })).toHaveCount(0);

  await sellPosterOut(page);
  await page.goto("/admin/dashboard");
  await expect(notifications.bell()).toHaveAccessibleName("Notifications, 2 unread");
  await expect(notifications.bell()).toHaveText("2");

  await notifications.open();
  expect(await notifications.rows()).toEqual([
    ["Out of Stock Unread", "SR-POSTER-LTD is out of stock in Default Stock.", POSTER, "Default Stock", "Mark as Read"],
    ["Low Stock Unread", "SR-POSTER-LTD is low in Default Stock: 4 left, below the Notify Qty of 5.", POSTER, "Default Stock", "Mark as Read"],
  ]);
  await expect(page.getByText("2 records found")).toBeVisible();
  await expect(notifications.table().getByRole("link", { name: POSTER }).first()).toHaveAttribute("href", /^\/admin\/catalog\/product\/edit\/id\/\d+$/);

  await notifications.markAsRead("Out of Stock", "SR-POSTER-LTD");
  await expect(notifications.message()).toHaveText(/The message has been marked as Read\./);
  await expect(notifications.bell()).toHaveAccessibleName("Notifications, 1 unread");
  expect((await notifications.rows()).map((row) => [row[0], row[4]])).toEqual([
    ["Out of Stock", "Read"],
    ["Low Stock Unread", "Mark as Read"],
  ]);

  // Unread only: the Low Stock alert; marking all of them leaves none, and the bell shows no count.
  await notifications.showUnreadOnly();
  expect((await notifications.rows()).map((row) => row[0])).toEqual(["Low Stock Unread"]);
  await notifications.markAllAsRead();
  await expect(notifications.message()).toHaveText(/A total of 1 record\(s\) have been marked as Read\./);
  await expect(notifications.bell()).toHaveAccessibleName("Notifications");
  await expect(page).toHaveURL(/[?&]show=unread/);
  await expect(notifications.table()).toContainText("We couldn't find any records.");
});

test("the Notify Low Stock RSS feed: 401 with the Basic challenge, the alerts for an admin's credentials or session", async ({ adminPage: page, request }) => {
  await sellPosterOut(page);

  const signedOut = await request.get(FEED);
  expect(signedOut.status()).toBe(401);
  expect(signedOut.headers()["www-authenticate"]).toBe('Basic realm="Stockroom RSS"');

  const basic = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString("base64")}`;
  const feed = await request.get(FEED, { headers: { authorization: basic } });
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
  const xml = await feed.text();
  expect(xml).toContain("<title>Out of Stock: SR-POSTER-LTD (Default Stock)</title>");
  expect(xml).toContain("<title>Low Stock: SR-POSTER-LTD (Default Stock)</title>");
  expect(xml.match(/<guid isPermaLink="false">stockroom-alert-\d+<\/guid>/g)).toHaveLength(2);

  // The signed-in browser opens it with its session.
  const inBrowser = await page.request.get(FEED);
  expect(inBrowser.status()).toBe(200);
  expect(await inBrowser.text()).toContain("SR-POSTER-LTD");
});
