import { desc } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/connection";
import { saveSourceItems } from "@/db/queries/source-items";
import { auditLog } from "@/db/schema";
import { tempDb } from "../db/temp-db";
import {
  indexRow,
  rendered,
  renderedErrors,
  retailStock,
  signedIn,
  sourceItemsOf,
  storedState,
  type RestClient,
} from "./rest-client";

let db: Db;
vi.mock("@/server/db", () => ({ getDb: async () => db }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

/*
 * Magento's bulk source calls (InventoryCatalogApi) on the demo catalog in multi-source mode:
 * "north" and "south" in Retail (stock 2), Default Config backorders on with threshold −50, so a
 * salable quantity is the in-stock quantity + 50 (inventory-rules §2).
 */

let api: RestClient;
let retail: number;

beforeEach(async () => {
  db = await tempDb();
  api = await signedIn(db);
  retail = await retailStock(db);
});

const lastAudit = async () => (await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0];

describe("POST /V1/inventory/bulk-product-source-assign", () => {
  it("assigns every SKU to every source it is not in yet, at 0 Out of Stock, and answers how many", async () => {
    const answer = await api.post("inventory/bulk-product-source-assign", { skus: ["SR-CAP", "SR-PEN"], sourceCodes: ["north", "south"] });
    expect(answer).toEqual({ status: 200, body: 4 });
    expect(await sourceItemsOf(db, "SR-CAP")).toEqual({ default: [40, 1], north: [0, 0], south: [0, 0] });
    // Assigned to Retail now, though nothing there is salable: 0 Out of Stock.
    expect(await indexRow(db, "SR-CAP", retail)).toMatchObject({ isSalable: false });
    expect(await lastAudit()).toMatchObject({ action: "bulk_assign", entityType: "source_item", username: "admin" });

    // Items already there stay as they are: only SR-TOTE in north is new.
    await saveSourceItems(db, [{ sku: "SR-CAP", source_code: "north", quantity: 5, status: 1 }], null);
    const again = await api.post("inventory/bulk-product-source-assign", { skus: ["SR-CAP", "SR-TOTE"], sourceCodes: ["north", "default"] });
    expect(again.body).toBe(1);
    expect(await sourceItemsOf(db, "SR-CAP")).toMatchObject({ default: [40, 1], north: [5, 1] });
    expect(await sourceItemsOf(db, "SR-TOTE")).toEqual({ default: [120, 1], north: [0, 0] });
  });

  it("refuses unknown SKUs and sources, listing each where the body names it; nothing is stored", async () => {
    const before = await storedState(db);
    const answer = await api.post("inventory/bulk-product-source-assign", {
      skus: ["SR-CAP", "SR-NOPE"],
      sourceCodes: ["north", "east", "west"],
    });
    expect(answer.status).toBe(400);
    expect(rendered(answer)).toBe('skus.1: Product with SKU "SR-NOPE" does not exist.');
    expect(renderedErrors(answer)).toEqual([
      'skus.1: Product with SKU "SR-NOPE" does not exist.',
      "sourceCodes.1: Source east does not exist",
      "sourceCodes.2: Source west does not exist",
    ]);
    expect(await storedState(db)).toEqual(before);
  });

  it.each([
    ["no skus", { sourceCodes: ["north"] }, "skus: This is a required field."],
    ["an empty list", { skus: [], sourceCodes: ["north"] }, "skus: Please send at least one entry."],
    ["a source code with a space", { skus: ["SR-CAP"], sourceCodes: ["north wh"] }, /^sourceCodes\.0: Please use only letters/],
    ["a misspelt key", { skus: ["SR-CAP"], sourceCodes: ["north"], source_codes: [] }, "Unknown field(s): source_codes."],
  ])("answers 400 for %s, storing nothing", async (_name, body, message) => {
    const before = await storedState(db);
    const answer = await api.post("inventory/bulk-product-source-assign", body);
    expect(answer.status).toBe(400);
    expect(rendered(answer)).toMatch(message);
    expect(await storedState(db)).toEqual(before);
  });

  it("needs a token: 401 names Magento's resource for the bulk calls", async () => {
    for (const call of ["bulk-product-source-assign", "bulk-product-source-unassign", "bulk-product-source-transfer"]) {
      const answer = await api.call("POST", `inventory/${call}`, { skus: ["SR-CAP"], sourceCodes: ["north"] }, null);
      expect(answer).toEqual({
        status: 401,
        body: { message: "The consumer isn't authorized to access %resources.", parameters: { resources: "Magento_Catalog::products" } },
      });
    }
  });
});

describe("POST /V1/inventory/bulk-product-source-unassign", () => {
  it("removes every SKU from every source named and answers how many items went; figures follow", async () => {
    await saveSourceItems(db, [{ sku: "SR-CAP", source_code: "north", quantity: 5, status: 1 }], null);
    expect(await indexRow(db, "SR-CAP", retail)).toMatchObject({ salableQty: 55 });
    const answer = await api.post("inventory/bulk-product-source-unassign", {
      skus: ["SR-CAP", "SR-PEN"],
      sourceCodes: ["north", "default"],
    });
    // SR-CAP from north and default, SR-PEN from default (it was never in north).
    expect(answer).toEqual({ status: 200, body: 3 });
    expect(await sourceItemsOf(db, "SR-CAP")).toEqual({});
    expect(await sourceItemsOf(db, "SR-PEN")).toEqual({});
    expect(await indexRow(db, "SR-CAP", retail)).toBeUndefined();
    expect(await indexRow(db, "SR-CAP", 1)).toBeUndefined();
    expect(await lastAudit()).toMatchObject({ action: "bulk_unassign", entityType: "source_item" });
  });

  it("refuses an unknown source with Magento's message; nothing is removed", async () => {
    const before = await storedState(db);
    const answer = await api.post("inventory/bulk-product-source-unassign", { skus: ["SR-CAP"], sourceCodes: ["default", "east"] });
    expect(answer.status).toBe(400);
    expect(rendered(answer)).toBe("sourceCodes.1: Source east does not exist");
    expect(await storedState(db)).toEqual(before);
  });
});

describe("POST /V1/inventory/bulk-product-source-transfer", () => {
  it("adds each SKU's origin quantity to the destination with the origin's status, then empties the origin", async () => {
    await saveSourceItems(db, [{ sku: "SR-CAP", source_code: "north", quantity: 5, status: 0 }], null);
    const answer = await api.post("inventory/bulk-product-source-transfer", {
      skus: ["SR-CAP", "SR-PEN"],
      originSource: "default",
      destinationSource: "north",
      unassignFromOrigin: false,
    });
    expect(answer).toEqual({ status: 200, body: true });
    // SR-CAP: 40 + 5 at north, In Stock as at the origin; the origin stays assigned at 0, Out of Stock.
    expect(await sourceItemsOf(db, "SR-CAP")).toEqual({ default: [0, 0], north: [45, 1] });
    // SR-PEN was not in north: assigned there with the origin's 1.
    expect(await sourceItemsOf(db, "SR-PEN")).toEqual({ default: [0, 0], north: [1, 1] });
    // Retail sells north: 45 + 50. Default Stock's only source is out: not salable.
    expect(await indexRow(db, "SR-CAP", retail)).toMatchObject({ salableQty: 95, isSalable: true });
    expect((await api.get(`inventory/get-product-salable-quantity/SR-CAP/${retail}`)).body).toBe(95);
    expect(await indexRow(db, "SR-CAP", 1)).toMatchObject({ isSalable: false });
    expect(await lastAudit()).toMatchObject({ action: "bulk_transfer", entityType: "source_item" });
  });

  it("with unassignFromOrigin the origin items go; a SKU the origin does not hold keeps its destination item", async () => {
    await saveSourceItems(db, [{ sku: "SR-TOTE", source_code: "south", quantity: 7, status: 1 }], null);
    await api.post("inventory/bulk-product-source-unassign", { skus: ["SR-TOTE"], sourceCodes: ["default"] });
    const answer = await api.post("inventory/bulk-product-source-transfer", {
      skus: ["SR-SOCKS", "SR-TOTE"],
      originSource: "default",
      destinationSource: "south",
      unassignFromOrigin: "1",
    });
    expect(answer.body).toBe(true);
    expect(await sourceItemsOf(db, "SR-SOCKS")).toEqual({ south: [8, 1] });
    expect(await sourceItemsOf(db, "SR-TOTE")).toEqual({ south: [7, 1] });
  });

  it.each([
    ["the same source twice", { originSource: "north", destinationSource: "north" }, ["destinationSource: Cannot transfer a source on itself"]],
    [
      "unknown sources",
      { originSource: "east", destinationSource: "west" },
      ["originSource: Origin source east does not exist", "destinationSource: Destination source west does not exist"],
    ],
    ["no unassignFromOrigin", { originSource: "default", destinationSource: "north", unassignFromOrigin: undefined }, ["unassignFromOrigin: This is a required field."]],
  ])("refuses %s with Magento's message; nothing moves", async (_name, fields, errors) => {
    const before = await storedState(db);
    const answer = await api.post("inventory/bulk-product-source-transfer", { skus: ["SR-CAP"], unassignFromOrigin: false, ...fields });
    expect(answer.status).toBe(400);
    expect(renderedErrors(answer)).toEqual(errors);
    expect(await storedState(db)).toEqual(before);
  });
});
