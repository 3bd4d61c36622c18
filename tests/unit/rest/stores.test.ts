import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/connection";
import { saveStoreGroup, saveStoreView, saveWebsite } from "@/db/queries/store-save";
import { REST_ROUTES } from "@/server/rest/routes";
import { handleRest } from "@/server/rest/router";
import { tempDb } from "../db/temp-db";
import { signedIn, type RestClient } from "./rest-client";

let db: Db;
vi.mock("@/server/db", () => ({ getDb: async () => db }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let api: RestClient;

beforeEach(async () => {
  db = await tempDb();
  api = await signedIn(db);
  const actor = { id: 1, username: "admin" };
  const websiteId = await saveWebsite(db, null, { name: "Belgium", code: "be", sort_order: 1, is_default: false }, actor);
  const groupId = await saveStoreGroup(db, null, { website_id: websiteId, name: "Belgium Store", code: "be_store" }, actor);
  await saveStoreView(db, null, { group_id: groupId, name: "Nederlands (België)", code: "be_nl", is_active: true, sort_order: 0, locale: "nl_NL" }, actor);
});

describe("GET /V1/store/*: Magento's store reads", () => {
  it("lists websites, stores and store views with Magento's fields, the new ones at once", async () => {
    expect((await api.get("store/websites")).body).toEqual([
      { id: 1, code: "base", name: "Main Website", default_group_id: 1 },
      { id: 2, code: "be", name: "Belgium", default_group_id: 2 },
    ]);
    expect((await api.get("store/storeGroups")).body).toContainEqual({
      id: 2,
      website_id: 2,
      root_category_id: 0,
      default_store_id: 2,
      name: "Belgium Store",
      code: "be_store",
    });
    expect((await api.get("store/storeViews")).body).toContainEqual({ id: 2, code: "be_nl", name: "Nederlands (België)", website_id: 2, store_group_id: 2, is_active: 1 });
  });

  it("storeConfigs answers every store view, or those storeCodes[] names", async () => {
    const all = await api.get("store/storeConfigs");
    expect(all.body.map((c: { code: string }) => c.code)).toEqual(["default", "be_nl"]);
    const one = await api.get("store/storeConfigs?storeCodes[]=be_nl");
    expect(one.body).toEqual([expect.objectContaining({ id: 2, code: "be_nl", website_id: 2, locale: "nl_NL", base_url: "http://127.0.0.1/" })]);
  });

  it("needs a token naming Magento's Stores resource", async () => {
    const answer = await api.call("GET", "store/websites", undefined, null);
    expect(answer.status).toBe(401);
    expect(answer.body.parameters).toEqual({ resources: "Magento_Backend::stores" });
  });
});

describe("/rest/{storeCode}/V1 for a new and a disabled store view", () => {
  const underStore = (code: string) => handleRest(new Request(`http://127.0.0.1/rest/${code}/V1/inventory/stocks`), "GET", REST_ROUTES);

  it("a disabled store view's prefix answers Magento's store-not-found; an unknown one the no-route 404", async () => {
    // Belgium Store's default view stays enabled (Magento's rule): a second view is the disabled one.
    await saveStoreView(db, null, { group_id: 2, name: "Français (Belgique)", code: "be_fr", is_active: false, sort_order: 1, locale: "en_US" }, { id: 1, username: "admin" });
    const disabled = await underStore("be_fr");
    expect(disabled.status).toBe(404);
    expect(await disabled.json()).toMatchObject({ message: "The store that was requested wasn't found. Verify the store and try again." });
    const unknown = await underStore("be_de");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ message: "Request does not match any route." });
  });
});
