import { and, eq } from "drizzle-orm";
import { openDb, type Tx } from "@/db/client";
import { refreshInventoryIndex } from "@/db/queries/inventory";
import { configData, productInventory, products } from "@/db/schema";
import { fieldByKey, type InventoryConfigKey } from "@/lib/inventory";

type Scope = { scope: "default" | "websites" | "stores"; scopeId: number };
const DEFAULT_CONFIG: Scope = { scope: "default", scopeId: 0 };
const MAIN_WEBSITE: Scope = { scope: "websites", scopeId: 1 };
const DEFAULT_STORE_VIEW: Scope = { scope: "stores", scopeId: 1 };

const BACKORDERS = {
  "No Backorders": 0,
  "Allow Qty Below 0": 1,
  "Allow Qty Below 0 and Notify Customer": 2,
} as const;

/**
 * The setting changes the storefront and order specs need. The configuration page and the
 * product page's Advanced Inventory dialog are being built in parallel, so for now each step
 * writes what those screens would save, on the server's own database file, with the salable
 * index refreshed in the same transaction (as a save does). Swap each method to drive the real
 * screen once it exists; the specs call intent only.
 */
export class InventorySetup {
  private change(write: (tx: Tx) => void) {
    const db = openDb(process.env.E2E_DATABASE_PATH!);
    try {
      db.transaction(
        (tx) => {
          write(tx);
          refreshInventoryIndex(tx);
        },
        { behavior: "immediate" },
      );
    } finally {
      db.$client.close();
    }
  }

  private setConfig(tx: Tx, at: Scope, key: InventoryConfigKey, value: string) {
    tx.insert(configData)
      .values({ ...at, path: fieldByKey(key).path, value })
      .onConflictDoUpdate({ target: [configData.scope, configData.scopeId, configData.path], set: { value } })
      .run();
  }

  /**
   * The seed walk's configuration (Stores > Configuration > Catalog > Inventory): Default Config
   * Backorders "Allow Qty Below 0", Out-of-Stock Threshold −50; Main Website Only X left Threshold 5.
   */
  useSeedConfiguration() {
    this.change((tx) => {
      this.setConfig(tx, DEFAULT_CONFIG, "backorders", String(BACKORDERS["Allow Qty Below 0"]));
      this.setConfig(tx, DEFAULT_CONFIG, "minQty", "-50");
      this.setConfig(tx, MAIN_WEBSITE, "stockThresholdQty", "5");
    });
  }

  /** Display Out of Stock Products (Default Config). */
  displayOutOfStockProducts(yes: boolean) {
    this.change((tx) => this.setConfig(tx, DEFAULT_CONFIG, "showOutOfStock", yes ? "1" : "0"));
  }

  /** Display Products Availability in Stock on Storefront for the Default Store View. */
  displayAvailabilityOnDefaultStoreView(yes: boolean) {
    this.change((tx) => this.setConfig(tx, DEFAULT_STORE_VIEW, "displayProductStockStatus", yes ? "1" : "0"));
  }

  /** The product's Advanced Inventory: Backorders with "Use Config Settings" unchecked. */
  overrideProductBackorders(sku: string, option: keyof typeof BACKORDERS) {
    this.change((tx) => {
      const product = tx.select({ id: products.id }).from(products).where(and(eq(products.sku, sku))).get();
      if (!product) throw new Error(`No product ${sku}`);
      tx.update(productInventory)
        .set({ backorders: BACKORDERS[option], useConfigBackorders: false })
        .where(eq(productInventory.productId, product.id))
        .run();
    });
  }
}
