import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { GET } from "@/app/rss/catalog/notifystock/route";
import { transaction, type Db } from "@/db/connection";
import { createAdminUser, setAdminActive } from "@/db/queries/auth";
import { saveAdminRole } from "@/db/queries/admin-roles";
import { placeOrder } from "@/db/queries/orders";
import { adminUsers, products, stockAlerts } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { AttemptThrottle } from "@/lib/auth/throttle";
import { MAX_FAILURES, SESSION_COOKIE } from "@/lib/auth/tokens";
import { startSession } from "@/server/auth/session";
import { notifyStockFeed } from "@/server/rss";
import { attemptFrom, TEST_PARAMS } from "../db/fast-hash";
import { tempDb } from "../db/temp-db";

// The route on this test's database.
let open: () => Promise<Db>;
vi.mock("@/server/db", () => ({ getDb: () => open() }));

const RIGHT = "right-password-1";
const FEED_URL = "http://stockroom.test:3000/rss/catalog/notifystock";
const CHALLENGE = 'Basic realm="Stockroom RSS"';
/** A SKU with everything XML must escape, and a control character XML cannot hold at all. */
const HOSTILE_SKU = `R&D <"tee's"> ]]>\u0007`;

/** The demo catalog with an admin, the poster's two alerts (orders of 2 and 2) and one with a hostile SKU. */
async function feedDb() {
  const db = await tempDb();
  const { id: adminId } = await createAdminUser(db, "admin", await hashPassword(RIGHT, TEST_PARAMS));
  await placeOrder(db, { storeCode: "default", items: [{ sku: "SR-POSTER-LTD", qty: 2 }] });
  await placeOrder(db, { storeCode: "default", items: [{ sku: "SR-POSTER-LTD", qty: 2 }] });
  await transaction(db, async (tx) => {
    await tx.insert(stockAlerts).values({ kind: "low_stock", productId: null, sku: HOSTILE_SKU, stockId: 1, salableQty: 1, qtyLeft: 1, notifyQty: 10 });
  });
  const [poster] = await db.select({ id: products.id }).from(products).where(eq(products.sku, "SR-POSTER-LTD"));
  open = async () => db;
  return { db, adminId, posterId: poster.id };
}

const basic = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;

function feedRequest(headers: Record<string, string> = {}) {
  return new NextRequest(FEED_URL, { headers: { "x-forwarded-for": "203.0.113.7", ...headers } });
}

async function failures(db: Db) {
  const [row] = await db.select({ failures: adminUsers.failures, lockExpires: adminUsers.lockExpires }).from(adminUsers);
  return row;
}

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (raw: string) => {
  // Only XML's predefined entities: any other & would make the document ill-formed.
  expect(raw).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
  return raw.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITY[name]);
};

/**
 * A strict reader of the XML the feed writes (elements, attributes, text; no CDATA, comments or
 * DTD): throws on anything not well-formed, so the test reads what an RSS reader would.
 */
function parseXml(xml: string): XmlElement {
  const prolog = '<?xml version="1.0" encoding="UTF-8"?>';
  expect(xml.startsWith(prolog)).toBe(true);
  expect(xml).not.toMatch(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
  const token = /\s*(?:<\/([\w:]+)>|<([\w:]+)((?:\s+[\w:]+="[^"<]*")*)\s*(\/?)>|([^<]+))/y;
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const open: XmlElement[] = [root];
  token.lastIndex = prolog.length;
  while (token.lastIndex < xml.trimEnd().length) {
    const start = token.lastIndex;
    const m = token.exec(xml);
    if (!m) throw new Error(`Not well-formed at ${start}: ${xml.slice(start, start + 40)}`);
    const [, close, name, attributes, selfClosing, text] = m;
    const current = open[open.length - 1];
    if (close) {
      if (close !== current.name) throw new Error(`</${close}> closes <${current.name}>`);
      open.pop();
    } else if (name) {
      const element: XmlElement = { name, attributes: {}, children: [], text: "" };
      for (const [, key, value] of attributes.matchAll(/([\w:]+)="([^"]*)"/g)) element.attributes[key] = decode(value);
      current.children.push(element);
      if (!selfClosing) open.push(element);
    } else {
      current.text += decode(text);
    }
  }
  if (open.length !== 1 || root.children.length !== 1) throw new Error("Unclosed elements or more than one root");
  return root.children[0];
}

const answerOf = (answer: Response) => ({ status: answer.status, challenge: answer.headers.get("www-authenticate") });

const child = (element: XmlElement, name: string) => element.children.find((c) => c.name === name)!;
const childText = (element: XmlElement, name: string) => child(element, name).text;

describe("GET /rss/catalog/notifystock: HTTP Basic authentication of an admin", () => {
  it("answers 401 with the Basic challenge and nothing of the feed without credentials", async () => {
    await feedDb();
    const answer = await GET(feedRequest());
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toBe(CHALLENGE);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(await answer.text()).not.toContain("SR-POSTER-LTD");
  });

  it("a wrong password is a failed sign-in: it counts toward the lockout, which then refuses the right one", async () => {
    const { db } = await feedDb();
    const wrong = await notifyStockFeed(db, feedRequest({ authorization: basic("admin", "wrong") }), attemptFrom());
    expect(answerOf(wrong)).toEqual({ status: 401, challenge: CHALLENGE });
    expect(await failures(db)).toMatchObject({ failures: 1, lockExpires: null });
    for (let i = 1; i < MAX_FAILURES; i++) await notifyStockFeed(db, feedRequest({ authorization: basic("admin", `wrong-${i}`) }), attemptFrom());
    expect((await failures(db)).lockExpires).not.toBeNull();
    const locked = await notifyStockFeed(db, feedRequest({ authorization: basic("admin", RIGHT) }), attemptFrom());
    expect(answerOf(locked)).toEqual({ status: 401, challenge: CHALLENGE });
  });

  it("shares the sign-in's per-address throttle: too many failures from one address wait, with Retry-After", async () => {
    const { db } = await feedDb();
    const throttle = new AttemptThrottle(2, 60_000);
    const send = (password: string, address: string) =>
      notifyStockFeed(db, feedRequest({ authorization: basic("admin", password), "x-forwarded-for": address }), attemptFrom(address, { throttle }));
    await send("wrong-1", "192.0.2.1");
    await send("wrong-2", "192.0.2.1");
    const throttled = await send(RIGHT, "192.0.2.1");
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await send(RIGHT, "192.0.2.2")).status).toBe(200);
  });

  it("refuses a disabled account's right password", async () => {
    const { db, adminId } = await feedDb();
    await setAdminActive(db, adminId, false);
    const answer = await notifyStockFeed(db, feedRequest({ authorization: basic("admin", RIGHT) }), attemptFrom());
    expect(answerOf(answer)).toEqual({ status: 401, challenge: CHALLENGE });
  });

  it.each([
    ["not Basic", "Bearer abc"],
    ["not base64", "Basic !!!"],
    ["no colon", `Basic ${Buffer.from("admin").toString("base64")}`],
    ["an empty password", basic("admin", "")],
    ["a NUL in the username", basic("ad\u0000min", RIGHT)],
  ])("answers 401 to credentials that could not be right (%s), counting no failure", async (_case, authorization) => {
    const { db } = await feedDb();
    const answer = await notifyStockFeed(db, feedRequest({ authorization }), attemptFrom());
    expect(answerOf(answer)).toEqual({ status: 401, challenge: CHALLENGE });
    expect((await failures(db)).failures).toBe(0);
  });

  it("lets a signed-in admin's browser read it with its session cookie", async () => {
    const { db, adminId } = await feedDb();
    const { secret } = await startSession(db, adminId, undefined);
    const answer = await notifyStockFeed(db, feedRequest({ cookie: `${SESSION_COOKIE}=${secret}` }), attemptFrom());
    expect(answer.status).toBe(200);
    expect(await notifyStockFeed(db, feedRequest({ cookie: `${SESSION_COOKIE}=not-a-session` }), attemptFrom())).toMatchObject({ status: 401 });
  });

  it("answers 403 to an admin whose role lacks Magento_Catalog::catalog_inventory (Magento_Rss's resource for this feed), by password or session", async () => {
    const { db } = await feedDb();
    const actor = { id: 1, username: "admin" };
    const sales = await saveAdminRole(db, null, { roleName: "Sales", allResources: false, resources: ["Magento_Sales::sales_order"] }, actor);
    const { id } = await createAdminUser(db, "seller", await hashPassword(RIGHT, TEST_PARAMS), sales);
    const byPassword = await notifyStockFeed(db, feedRequest({ authorization: basic("seller", RIGHT) }), attemptFrom());
    expect({ status: byPassword.status, text: await byPassword.text() }).toEqual({ status: 403, text: "Sorry, you need permissions to view this content." });
    const { secret } = await startSession(db, id, undefined);
    expect(await notifyStockFeed(db, feedRequest({ cookie: `${SESSION_COOKIE}=${secret}` }), attemptFrom())).toMatchObject({ status: 403 });
  });
});

describe("the feed", () => {
  it("is RSS 2.0 of the latest alerts, newest first, with absolute links, guids and RFC 822 dates; every text escaped", async () => {
    const { db, posterId } = await feedDb();
    const answer = await notifyStockFeed(db, feedRequest({ authorization: basic("admin", RIGHT) }), attemptFrom());
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(answer.headers.get("cache-control")).toBe("private, no-store");

    const rss = parseXml(await answer.text());
    expect(rss).toMatchObject({ name: "rss", attributes: { version: "2.0" } });
    const channel = child(rss, "channel");
    expect(childText(channel, "link")).toBe("http://stockroom.test:3000/admin/notification");
    expect(child(channel, "atom:link").attributes).toMatchObject({ href: FEED_URL, rel: "self" });

    const alerts = await db.select().from(stockAlerts).orderBy(stockAlerts.id);
    const items = channel.children.filter((c) => c.name === "item");
    expect(items.map((item) => childText(item, "title"))).toEqual([
      `Low Stock: R&D <"tee's"> ]]> (Default Stock)`,
      "Out of Stock: SR-POSTER-LTD (Default Stock)",
      "Low Stock: SR-POSTER-LTD (Default Stock)",
    ]);
    expect(items.map((item) => childText(item, "guid"))).toEqual(alerts.map((a) => `stockroom-alert-${a.id}`).reverse());
    expect(items.every((item) => child(item, "guid").attributes.isPermaLink === "false")).toBe(true);

    const [hostile, outOfStock, lowStock] = items;
    // A product that no longer exists (or never did) links to the notifications instead.
    expect(childText(hostile, "link")).toBe("http://stockroom.test:3000/admin/notification");
    expect(childText(hostile, "description")).toBe(`R&D <"tee's"> ]]> is low in Default Stock: 1 left, below the Notify Qty of 10.`);
    expect(childText(outOfStock, "link")).toBe(`http://stockroom.test:3000/admin/catalog/product/edit/id/${posterId}`);
    expect(childText(outOfStock, "description")).toBe("SR-POSTER-LTD is out of stock in Default Stock.");
    expect(childText(lowStock, "description")).toBe("SR-POSTER-LTD is low in Default Stock: 4 left, below the Notify Qty of 5.");
    // RFC 822 in GMT, the second the alert was raised.
    const pubDate = childText(lowStock, "pubDate");
    expect(pubDate).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(new Date(pubDate).getTime()).toBe(Math.floor(new Date(alerts[0].createdAt).getTime() / 1000) * 1000);
  });

  it.each([
    ["the Host header as sent (Next's own URL says localhost for 127.0.0.1)", "127.0.0.1:3000", "http://127.0.0.1:3000"],
    ["an IPv6 address", "[::1]:3000", "http://[::1]:3000"],
    ["not a host: the request's URL instead", 'evil.test/"<x>', "http://stockroom.test:3000"],
  ])("links to %s", async (_case, host, origin) => {
    const { db } = await feedDb();
    const answer = await notifyStockFeed(db, feedRequest({ authorization: basic("admin", RIGHT), host }), attemptFrom());
    const channel = child(parseXml(await answer.text()), "channel");
    expect(childText(channel, "link")).toBe(`${origin}/admin/notification`);
  });
});
