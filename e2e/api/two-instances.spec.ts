import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { eq, like } from "drizzle-orm";
import { closeDb, openDb } from "@/db/connection";
import { orderItems, orders, reservations } from "@/db/schema";
import { createPgDatabase, dropPgDatabase } from "../database";
import { RestClient } from "./rest-client";

/*
 * Two production servers on one database, each with its own connections: only the engine's write
 * lock (SQLite's file lock in WAL mode; PostgreSQL's advisory lock) keeps their orders apart. Both
 * start at once on a new database, so start-up migration and seeding race too. With the demo data,
 * SR-CAP has 40 + 50 (threshold −50) = 90 salable; an order of 80 leaves 10.
 */

const PASSWORD = "two-Instances-123";
const engine = process.env.E2E_ENGINE === "pg" ? "pg" : "sqlite";

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

async function startServer(database: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...database, SEED: "demo", ADMIN_USERNAME: "admin", ADMIN_PASSWORD: PASSWORD, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

async function until(url: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/admin`, { redirect: "manual" })).status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not start`);
}

test.describe(`two app instances on one ${engine === "pg" ? "PostgreSQL database" : "SQLite file (WAL)"}`, () => {
  let location: string;
  let servers: { child: ChildProcess; url: string }[] = [];
  const contexts: APIRequestContext[] = [];

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    location =
      engine === "pg"
        ? createPgDatabase(process.env.STOCKROOM_PG_URL!)
        : path.join(process.env.E2E_DB_DIR!, "two-instances.db");
    const database: Record<string, string> = engine === "pg" ? { DATABASE_URL: location } : { DATABASE_PATH: location };
    // Both at once on a database that does not exist yet: migrations and the demo seed race.
    servers = await Promise.all([startServer(database), startServer(database)]);
    await Promise.all(servers.map((s) => until(s.url)));
  });

  test.afterAll(async () => {
    await Promise.all(contexts.map((c) => c.dispose()));
    for (const { child } of servers) child.kill("SIGTERM");
    await Promise.all(servers.map(({ child }) => new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)))));
    if (engine === "pg") dropPgDatabase(process.env.STOCKROOM_PG_URL!, location);
    else for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(location + suffix, { force: true });
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
    const db = await openDb(location);
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
