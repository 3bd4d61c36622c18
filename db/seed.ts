import { syncIdentity, type Tx } from "./connection";
import { refreshInventoryIndex } from "./queries/inventory-index";
import { configData, productInventory, products, sourceItems, sources, stockSalesChannels, stockSourceLinks, stocks, storeGroups, stores, websites } from "./schema";

/**
 * What always exists (spec screens-and-api "Ids as in Magento"): Main Website `base` (id 1),
 * Main Website Store (id 1), Default Store View `default` (id 1), the `default` source and
 * Default Stock (id 1) selling to Main Website.
 */
async function seedDefaults(db: Tx): Promise<void> {
  await db.insert(websites).values({ id: 1, code: "base", name: "Main Website", isDefault: true, defaultGroupId: 1 });
  await db.insert(storeGroups).values({ id: 1, websiteId: 1, code: "main_website_store", name: "Main Website Store", defaultStoreId: 1 });
  await db.insert(stores).values({ id: 1, code: "default", websiteId: 1, groupId: 1, name: "Default Store View" });
  await db.insert(sources).values({ code: "default", name: "Default Source", countryId: "US" });
  await db.insert(stocks).values({ id: 1, name: "Default Stock" });
  await db.insert(stockSourceLinks).values({ stockId: 1, sourceCode: "default", priority: 1 });
  await db.insert(stockSalesChannels).values({ type: "website", code: "base", stockId: 1 });
  // Magento's ids were given above: PostgreSQL's sequences must start after them.
  await syncIdentity(db, "websites", "id");
  await syncIdentity(db, "store_groups", "id");
  await syncIdentity(db, "stores", "id");
  await syncIdentity(db, "stocks", "stock_id");
}

export interface NewProduct {
  sku: string;
  name: string;
  price: number;
  typeId?: "simple" | "virtual";
  enabled?: boolean;
  inventory?: Partial<Omit<typeof productInventory.$inferInsert, "productId">>;
  sourceItems?: { sourceCode: string; quantity: number; status: 0 | 1; notifyStockQty?: number | null }[];
}

/**
 * Writes a product exactly as given (its stock status too, no inventory-rules §8 switch and no audit entry):
 * seeding lays down a catalog that already exists, it is not a merchant's save.
 */
export async function seedProduct(db: Tx, input: NewProduct): Promise<number> {
  const [{ id }] = await db
    .insert(products)
    .values({ sku: input.sku, name: input.name, price: input.price, typeId: input.typeId, enabled: input.enabled })
    .returning({ id: products.id });
  await db.insert(productInventory).values({ productId: id, ...input.inventory });
  const items = input.sourceItems ?? [];
  if (items.length > 0) await db.insert(sourceItems).values(items.map((item) => ({ sku: input.sku, ...item })));
  await refreshInventoryIndex(db, [id]);
  return id;
}

const inStock = (quantity: number) => [{ sourceCode: "default", quantity, status: 1 as const }];

/** The demo catalog: single-source mode, one product per interesting state. */
const DEMO_PRODUCTS: NewProduct[] = [
  // The seed scenario (inventory-rules §2, §10): qty 25 with the global threshold −50 and backorders on.
  { sku: "SR-TEE-SEED", name: "Seed Scenario Tee", price: 24, sourceItems: inStock(25) },
  { sku: "SR-MUG-OOS", name: "Sold Out Mug", price: 12, sourceItems: [{ sourceCode: "default", quantity: 0, status: 0 }] },
  {
    sku: "SR-GIFT-CARD",
    name: "Gift Card",
    price: 50,
    typeId: "virtual",
    inventory: { manageStock: false, useConfigManageStock: false },
    sourceItems: [{ sourceCode: "default", quantity: 0, status: 0 }],
  },
  {
    sku: "SR-POSTER-LTD",
    name: "Limited Edition Poster",
    price: 40,
    inventory: {
      backorders: 0,
      useConfigBackorders: false,
      minQty: 2,
      useConfigMinQty: false,
      notifyStockQty: 5,
      useConfigNotifyStockQty: false,
      maxSaleQty: 2,
      useConfigMaxSaleQty: false,
    },
    sourceItems: inStock(6),
  },
  {
    sku: "SR-FABRIC-M",
    name: "Linen Fabric (per metre)",
    price: 18.5,
    inventory: {
      isQtyDecimal: true,
      minSaleQty: 0.5,
      useConfigMinSaleQty: false,
      backorders: 0,
      useConfigBackorders: false,
    },
    sourceItems: inStock(12.5),
  },
  {
    sku: "SR-TIES-100",
    name: "Cable Ties (box)",
    price: 6,
    inventory: { enableQtyIncrements: true, useConfigEnableQtyInc: false, qtyIncrements: 5, useConfigQtyIncrements: false },
    sourceItems: inStock(100),
  },
  { sku: "SR-BOTTLE-LOW", name: "Steel Water Bottle", price: 22, sourceItems: inStock(3) },
  { sku: "SR-CAP", name: "Canvas Cap", price: 15, sourceItems: inStock(40) },
  { sku: "SR-SOCKS", name: "Wool Socks", price: 9, sourceItems: inStock(8) },
  { sku: "SR-TOTE", name: "Market Tote", price: 19, sourceItems: inStock(120) },
  { sku: "SR-NOTEBOOK", name: "Dot Grid Notebook", price: 11, enabled: false, sourceItems: inStock(30) },
  { sku: "SR-PEN", name: "Brass Pen", price: 35, sourceItems: inStock(1) },
];

async function seedDemo(db: Tx): Promise<void> {
  // The seed scenario's settings (issue: demo data): backorders on with threshold −50 at Default
  // Config, Notify for Quantity Below 10, Only X left Threshold 5 on the Main Website.
  await db
    .insert(configData)
    .values([
      { scope: "default", scopeId: 0, path: "cataloginventory/item_options/backorders", value: "1" },
      { scope: "default", scopeId: 0, path: "cataloginventory/item_options/min_qty", value: "-50" },
      { scope: "default", scopeId: 0, path: "cataloginventory/item_options/notify_stock_qty", value: "10" },
      { scope: "websites", scopeId: 1, path: "cataloginventory/options/stock_threshold_qty", value: "5" },
    ]);
  for (const product of DEMO_PRODUCTS) await seedProduct(db, product);
}

/**
 * A second country, so a newcomer sees scopes at work: the Belgium website with its store and
 * `be_nl` store view, selling from its own stock and source (Antwerp), Only X left Threshold 3 on
 * the Belgium website only. With a second source the demo is in multi-source mode.
 */
async function seedBelgium(db: Tx): Promise<void> {
  await db.insert(websites).values({ id: 2, code: "be", name: "Belgium", sortOrder: 1, defaultGroupId: 2 });
  await db.insert(storeGroups).values({ id: 2, websiteId: 2, code: "be_store", name: "Belgium Store", defaultStoreId: 2 });
  await db.insert(stores).values({ id: 2, code: "be_nl", websiteId: 2, groupId: 2, name: "Nederlands (België)", locale: "nl_NL" });
  await db.insert(sources).values({ code: "be_antwerp", name: "Antwerp Warehouse", countryId: "BE", postcode: "2000" });
  await db.insert(stocks).values({ id: 2, name: "Belgium Stock" });
  await db.insert(stockSourceLinks).values({ stockId: 2, sourceCode: "be_antwerp", priority: 1 });
  await db.insert(stockSalesChannels).values({ type: "website", code: "be", stockId: 2 });
  await db.insert(configData).values({ scope: "websites", scopeId: 2, path: "cataloginventory/options/stock_threshold_qty", value: "3" });
  await syncIdentity(db, "websites", "id");
  await syncIdentity(db, "store_groups", "id");
  await syncIdentity(db, "stores", "id");
  await syncIdentity(db, "stocks", "stock_id");
  // The poster keeps its own threshold 2 (No Backorders): 4 in Antwerp sell as 2, "Only 2 left" in be_nl.
  const belgian: [string, number][] = [["SR-TEE-SEED", 8], ["SR-POSTER-LTD", 4], ["SR-CAP", 2], ["SR-TOTE", 30], ["SR-SOCKS", 0]];
  for (const [sku, quantity] of belgian) {
    await db.insert(sourceItems).values({ sku, sourceCode: "be_antwerp", quantity, status: quantity > 0 ? 1 : 0 });
  }
  await refreshInventoryIndex(db, "all");
}

/**
 * "demo" (SEED=demo): the catalog and the Belgium website. "catalog": the demo catalog on the
 * Main Website alone, in single-source mode — what the tests start from. "none": the defaults only.
 */
export type SeedKind = "demo" | "catalog" | "none";

/** Fills an empty database: the defaults, plus what the kind adds. */
export async function seed(db: Tx, kind: SeedKind): Promise<void> {
  await seedDefaults(db);
  if (kind !== "none") await seedDemo(db);
  if (kind === "demo") await seedBelgium(db);
}

