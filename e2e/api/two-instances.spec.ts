import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { eq, like } from "drizzle-orm";
import { closeDb, openDb } from "@/db/connection";
import { orderItems, orders, reservations } from "@/db/schema";
import { RestClient } from "./rest-client";
import { engine, ownDatabase, startServer, stopServer, untilAnswering, type OwnDatabase, type Server } from "./servers";

/*
 * Two production servers on one database, each with its own connections: only the engine's write
 * lock (SQLite's file lock in WAL mode; PostgreSQL's advisory lock) keeps their orders apart. Both
 * start at once on a new database, so start-up migration and seeding race too. With the demo data,
 * SR-CAP has 40 + 50 (threshold −50) = 90 salable; an order of 80 leaves 10.
 */

const PASSWORD = "two-Instances-123";

test.describe(`two app instances on one ${engine === "pg" ? "PostgreSQL database" : "SQLite file (WAL)"}`, () => {
  let database: OwnDatabase;
  let servers: Server[] = [];
  const contexts: APIRequestContext[] = [];

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    database = ownDatabase("two-instances");
    // Both at once on a database that does not exist yet: migrations and the demo seed race.
    servers = await Promise.all([startServer(database, PASSWORD), startServer(database, PASSWORD)]);
    await Promise.all(servers.map((s) => untilAnswering(s.url)));
  });

  test.afterAll(async () => {
    await Promise.all(contexts.map((c) => c.dispose()));
    await Promise.all(servers.map((server) => stopServer(server)));
    database.drop();
  });

  test("64 concurrent orders split across both against salable 10: exactly 10 accepted, each with its reservation", async () => {
    test.setTimeout(120_000);
    const [a, b] = await Promise.all(
      servers.map(async ({ url }) => {
        const context = await request.newContext({ baseURL: url });
        contexts.push(context);
        return new RestClient(context, null);
      }),
    );
    // Sessions live in the database: a token issued by one instance is good on the other.
    const token = (await a.post("integration/admin/token", { username: "admin", password: PASSWORD })).body as string;
    const [apiA, apiB] = [a.withToken(token), b.withToken(token)];
    expect(await apiB.salableQty("SR-CAP", 1)).toBe(90);

    const first = await apiA.post("stockroom/orders", { store_code: "default", items: [{ sku: "SR-CAP", qty: 80 }] });
    expect(first.status).toBe(200);
    expect(await apiB.salableQty("SR-CAP", 1)).toBe(10);

    const answers = await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        (i % 2 ? apiA : apiB).post("stockroom/orders", { store_code: "default", items: [{ sku: "SR-CAP", qty: 1 }] }),
      ),
    );
    const accepted = answers.filter((r) => r.status === 200);
    const refused = answers.filter((r) => r.status === 400);
    console.log(`two instances (${engine}): ${accepted.length} accepted, ${refused.length} refused of 64`);
    expect(accepted).toHaveLength(10);
    expect(refused).toHaveLength(54);
    // Both instances see the same figures: nothing left, not salable.
    expect(await apiA.salableQty("SR-CAP", 1)).toBe(0);
    expect(await apiB.salableQty("SR-CAP", 1)).toBe(0);
    expect(await apiA.isSalable("SR-CAP", 1)).toBe(false);

    // Every accepted order holds exactly one reservation of −1 for SR-CAP; refused ones wrote nothing.
    const db = await openDb(database.location);
    try {
      const capOrders = await db
        .select({ id: orders.id, qty: orderItems.qtyOrdered })
        .from(orders)
        .innerJoin(orderItems, eq(orderItems.orderId, orders.id))
        .where(eq(orderItems.sku, "SR-CAP"));
      expect(capOrders).toHaveLength(11);
      const placedReservations = await db
        .select({ quantity: reservations.quantity, metadata: reservations.metadata })
        .from(reservations)
        .where(like(reservations.metadata, '%"order_placed"%'));
      for (const order of capOrders) {
        const own = placedReservations.filter((r) => String((JSON.parse(r.metadata) as { object_id: unknown }).object_id) === String(order.id));
        expect(own.map((r) => r.quantity), `order ${order.id}`).toEqual([-order.qty]);
      }
    } finally {
      await closeDb(db);
    }
  });
});
