import { expect, request, test } from "@playwright/test";
import Database from "better-sqlite3";
import { and, asc, desc, eq, gt, like } from "drizzle-orm";
import { closeDb, openDb, transaction, type Db } from "@/db/connection";
import { refreshInventoryIndex } from "@/db/queries/inventory-index";
import { auditLog, configData, configHistory, effectiveInventory, orderItems, orders, reservations, salableIndex, sourceItems } from "@/db/schema";
import { RestClient } from "./rest-client";
import { engine, ownDatabase, startServer, stopServer, untilAnswering, untilSessionsEnded, type OwnDatabase } from "./servers";

/*
 * Crash safety (issue 12): a production server under a burst of orders and admin saves is killed
 * with SIGKILL at a random moment, restarted, and then nothing the client saw acknowledged is
 * lost and nothing is half-written: the database is intact, every order has exactly its
 * reservations, every stored value is the one its audit entry names, and the salable index
 * equals a full recompute. CRASH_ROUNDS (default 3) bounds the rounds.
 */

const PASSWORD = "crash-Safety-123";
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 3);
const BACKORDERS = "cataloginventory/item_options/backorders";
/** The demo seeds Backorders at Default Config without a history row (db/seed.ts). */
const SEEDED_BACKORDERS = "1";
const ORDER_SKUS = ["SR-TOTE", "SR-CAP"];
const STOCKED_SKU = "SR-SOCKS";

interface Burst {
  /** Orders the server answered 200 to, with what they ordered. */
  orders: { id: number; sku: string; qty: number }[];
  /** Backorders values in the order they were acknowledged, and the one in flight when killed. */
  config: { acknowledged: string[]; inFlight: string | null };
  /** SR-SOCKS default-source quantities, likewise. */
  quantity: { acknowledged: number[]; inFlight: number | null };
}

/** Runs orders, configuration saves and source item saves until the server stops answering. */
async function burst(api: RestClient, round: number): Promise<Burst> {
  const result: Burst = { orders: [], config: { acknowledged: [], inFlight: null }, quantity: { acknowledged: [], inFlight: null } };
  const orderer = async (worker: number) => {
    for (let i = 0; ; i++) {
      const sku = ORDER_SKUS[(worker + i) % ORDER_SKUS.length];
      const answer = await api.post("stockroom/orders", { store_code: "default", items: [{ sku, qty: 1 }] });
      if (answer.status === 200) result.orders.push({ id: answer.body.entity_id, sku, qty: 1 });
    }
  };
  const configSaver = async () => {
    for (let i = 0; ; i++) {
      const value = String((round + i) % 2);
      result.config.inFlight = value;
      const answer = await api.put("stockroom/config/default/0", { values: { [BACKORDERS]: value } });
      if (answer.status === 200) result.config.acknowledged.push(value);
      result.config.inFlight = null;
    }
  };
  const stockSaver = async () => {
    for (let i = 0; ; i++) {
      const quantity = 1000 * round + i;
      result.quantity.inFlight = quantity;
      const answer = await api.post("inventory/source-items", { sourceItems: [{ sku: STOCKED_SKU, source_code: "default", quantity, status: 1 }] });
      if (answer.status === 200) result.quantity.acknowledged.push(quantity);
      result.quantity.inFlight = null;
    }
  };
  // Each loop ends when a request fails: the server is gone.
  await Promise.allSettled([orderer(0), orderer(1), orderer(2), configSaver(), stockSaver()]);
  return result;
}

/** The figures a full recompute gives equal the stored index (no save left old figures behind). */
async function indexMatchesRecompute(db: Db): Promise<void> {
  const index = async () => ({
    salable: await db.select().from(salableIndex).orderBy(salableIndex.productId, salableIndex.stockId),
    effective: await db.select().from(effectiveInventory).orderBy(effectiveInventory.productId),
  });
  const stored = await index();
  await transaction(db, (tx) => refreshInventoryIndex(tx, "all"));
  expect(await index()).toEqual(stored);
}

async function checkAfterCrash(database: OwnDatabase, ordersBefore: number, seen: Burst): Promise<void> {
  await untilSessionsEnded(database);
  if (engine === "sqlite") {
    const file = new Database(database.location);
    try {
      expect(file.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      file.close();
    }
  }
  const db = await openDb(database.location);
  try {
    // Every order the client saw acknowledged is there, with what it ordered.
    const stored = await db
      .select({ id: orders.id, sku: orderItems.sku, qty: orderItems.qtyOrdered })
      .from(orders)
      .innerJoin(orderItems, eq(orderItems.orderId, orders.id))
      .where(gt(orders.id, ordersBefore));
    for (const order of seen.orders) expect(stored, `order ${order.id}`).toContainEqual(order);
    // Every order placed (acknowledged or not) holds exactly its reservation, and no reservation
    // names an order that does not exist.
    const placed = await db.select({ quantity: reservations.quantity, metadata: reservations.metadata }).from(reservations).where(like(reservations.metadata, '%"order_placed"%'));
    const byOrder = new Map<number, number[]>();
    for (const r of placed) {
      const id = Number((JSON.parse(r.metadata) as { object_id: unknown }).object_id);
      if (id > ordersBefore) byOrder.set(id, [...(byOrder.get(id) ?? []), r.quantity]);
    }
    for (const order of stored) expect(byOrder.get(order.id), `reservations of order ${order.id}`).toEqual([-order.qty]);
    expect([...byOrder.keys()].sort((a, b) => a - b)).toEqual(stored.map((o) => o.id).sort((a, b) => a - b));

    // The stored Backorders value is the last acknowledged one or the one in flight, and it is the
    // one its last history entry names. Before any history row it is still the seeded value: a
    // save of the value already stored writes no row, so the first round's first save ("1") does
    // not, and a kill before the next save commits leaves no history at all.
    const [config] = await db.select({ value: configData.value }).from(configData).where(and(eq(configData.scope, "default"), eq(configData.path, BACKORDERS)));
    const [history] = await db.select({ value: configHistory.newValue }).from(configHistory).where(eq(configHistory.path, BACKORDERS)).orderBy(desc(configHistory.id)).limit(1);
    expect(config?.value ?? null).toBe(history ? history.value : SEEDED_BACKORDERS);
    const lastConfig = seen.config.acknowledged.at(-1);
    if (lastConfig !== undefined) expect([lastConfig, seen.config.inFlight]).toContain(config?.value);

    // SR-SOCKS' quantity likewise, against its last source item audit entry.
    const [item] = await db.select({ quantity: sourceItems.quantity }).from(sourceItems).where(and(eq(sourceItems.sku, STOCKED_SKU), eq(sourceItems.sourceCode, "default")));
    const audits = await db.select({ details: auditLog.details }).from(auditLog).where(and(eq(auditLog.entityType, "source_item"), like(auditLog.details, `%${STOCKED_SKU}%`))).orderBy(asc(auditLog.id));
    const lastAudited = (JSON.parse(audits.at(-1)!.details!) as { quantity: number }[]).at(-1)!.quantity;
    expect(item.quantity).toBe(lastAudited);
    const lastQuantity = seen.quantity.acknowledged.at(-1);
    if (lastQuantity !== undefined) expect([lastQuantity, seen.quantity.inFlight]).toContain(item.quantity);

    await indexMatchesRecompute(db);
  } finally {
    await closeDb(db);
  }
}

test.describe(`crash safety on ${engine === "pg" ? "PostgreSQL" : "SQLite (WAL)"}`, () => {
  let database: OwnDatabase;

  test.beforeAll(() => {
    database = ownDatabase("crash-safety");
  });
  test.afterAll(() => database.drop());

  test(`killed with SIGKILL mid-burst ${ROUNDS} times: nothing acknowledged is lost, nothing is half-written`, async () => {
    test.setTimeout(60_000 + ROUNDS * 40_000);
    let token: string | null = null;
    for (let round = 1; round <= ROUNDS; round++) {
      const server = await startServer(database, PASSWORD);
      const context = await request.newContext({ baseURL: server.url });
      try {
        await untilAnswering(server.url);
        const anonymous = new RestClient(context, null);
        // Sessions survive the crash: the first round's token still works.
        token ??= (await anonymous.post("integration/admin/token", { username: "admin", password: PASSWORD })).body as string;
        const api = anonymous.withToken(token);
        expect((await api.get(`inventory/get-product-salable-quantity/${ORDER_SKUS[0]}/1`)).status).toBe(200);

        const db = await openDb(database.location);
        const [last] = await db.select({ id: orders.id }).from(orders).orderBy(desc(orders.id)).limit(1);
        await closeDb(db);
        const ordersBefore = last?.id ?? 0;

        const killAfter = 250 + Math.floor(Math.random() * 1000);
        const running = burst(api, round);
        await new Promise((r) => setTimeout(r, killAfter));
        await stopServer(server, "SIGKILL");
        const seen = await running;
        console.log(
          `crash round ${round} (${engine}): killed after ${killAfter} ms; ${seen.orders.length} orders, ` +
            `${seen.config.acknowledged.length} config saves, ${seen.quantity.acknowledged.length} source item saves acknowledged`,
        );
        expect(seen.orders.length + seen.config.acknowledged.length + seen.quantity.acknowledged.length).toBeGreaterThan(0);
        await checkAfterCrash(database, ordersBefore, seen);
      } finally {
        await context.dispose();
        await stopServer(server, "SIGKILL");
      }
    }
  });
});
