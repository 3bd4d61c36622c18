import { ok } from "./api/rest-client";
import { test, expect } from "./api/fixtures";
import { CatalogFigures } from "./pages/catalog-figures";
import { ConfigPage } from "./pages/config-page";
import { CreditMemoPage } from "./pages/credit-memo-page";
import { OrdersPage } from "./pages/orders-page";
import { ProductGridPage } from "./pages/product-grid-page";
import { StorefrontPage } from "./pages/storefront-page";

/*
 * Credit memos, inventory-rules §7, on the demo catalog: Canvas Cap (SR-CAP) 40 at the default
 * source, Default Config Backorders "Allow Qty Below 0" with Out-of-Stock Threshold −50, so
 * salable = source − reserved + 50 = 90 to start with. A refund takes the units never shipped
 * first (the §7 worked case). Figures worked by hand:
 *
 *   order 1: 5 caps          source 40, reserved −5, salable 85
 *   order 2: 4 caps          source 40, reserved −9, salable 81
 *   ship 2 of order 1        source 38, reserved −7, salable 81
 *   ship 1 of order 2        source 37, reserved −6, salable 81
 *   refund 4 of order 1, Return to Stock: 3 never shipped (+3 reserved), 1 shipped back to the
 *                            source 38, reserved −3, salable 85; order 1 Complete (1 shipped kept)
 *   refund 4 of order 2, not returned: 3 never shipped (+3 reserved, written off: −3 source),
 *                            1 shipped stays out: source 35, reserved 0, salable 85; order 2 Closed
 */

const CAP = "SR-CAP";
const TOO_MUCH = 'The quantity to creditmemo must not be greater than the unrefunded quantity for product SKU "SR-CAP".';

test("refund shipped and unshipped units with and without Return to Stock: source and salable move as §7 says", async ({ api, adminPage: page }) => {
  const storefront = new StorefrontPage(page);
  const orders = new OrdersPage(page);
  const memo = new CreditMemoPage(page);
  const figures = new CatalogFigures(page);
  const grid = new ProductGridPage(page);

  for (const qty of [5, 4]) {
    await storefront.goto(CAP);
    await storefront.addToCart(qty);
    await expect(storefront.messages()).toContainText("You added Canvas Cap to your shopping cart.");
  }
  // Part of each order ships (the admin's Ship sends everything open, so through the API).
  await ok(api.post("order/1/ship", { items: [{ order_item_id: 1, qty: 2 }] }));
  await ok(api.post("order/2/ship", { items: [{ order_item_id: 2, qty: 1 }] }));
  await figures.expectSalableQuantity(CAP, 81);
  await expect(grid.quantityPerSource(CAP)).toHaveText("Default Source: 37");

  // Order 1: Automatically Return Credit Memo Item to Stock is No, so Return to Stock starts unticked.
  await orders.open();
  await orders.openOrder("000000001");
  await expect(orders.status()).toHaveText("Processing");
  await orders.openCreditMemo();
  await expect(memo.qtyToRefund(CAP)).toHaveValue("5");
  await expect(memo.returnToStock(CAP)).not.toBeChecked();

  // More than is left is refused at the field, and nothing is stored.
  await memo.refund({ [CAP]: { qty: 6, returnToStock: true } });
  await expect(memo.qtyError(CAP)).toHaveText(TOO_MUCH);
  await expect(memo.heading()).toBeVisible();

  await memo.refund({ [CAP]: { qty: 4, returnToStock: true } });
  await expect(page).toHaveURL(/\/admin\/sales\/order\/view\/order_id\/1$/);
  await expect(orders.message()).toContainText("You created the credit memo.");
  await expect(orders.status()).toHaveText("Complete");
  expect(await orders.refunded(CAP)).toBe("4");
  expect(await orders.creditMemos()).toEqual([["3 × SR-CAP, not yet shipped: returned to stock", "1 × SR-CAP, shipped: returned to Default Source"]]);
  // The shipped unit kept by the customer can still be refunded.
  await expect(orders.creditMemoButton()).toBeVisible();

  await figures.expectSalableQuantity(CAP, 85);
  await expect(grid.quantityPerSource(CAP)).toHaveText("Default Source: 38");
  expect(await api.salableQty(CAP, 1)).toBe(85);
  expect(await api.sourceQuantities(CAP)).toEqual({ default: 38 });

  // With Automatically Return … = Yes, Return to Stock starts ticked; this time the merchant unticks it.
  await new ConfigPage(page).saveValues("default", { "Automatically Return Credit Memo Item to Stock": "Yes" });
  await orders.open();
  await orders.openOrder("000000002");
  await orders.openCreditMemo();
  await expect(memo.qtyToRefund(CAP)).toHaveValue("4");
  await expect(memo.returnToStock(CAP)).toBeChecked();
  await memo.refund({ [CAP]: { qty: 4, returnToStock: false } });
  await expect(orders.message()).toContainText("You created the credit memo.");
  await expect(orders.status()).toHaveText("Closed");
  expect(await orders.creditMemos()).toEqual([
    ["3 × SR-CAP, not yet shipped: written off from Default Source", "1 × SR-CAP, shipped from Default Source: not returned to stock"],
  ]);
  await expect(orders.creditMemoButton()).toHaveCount(0);

  await figures.expectSalableQuantity(CAP, 85);
  await expect(grid.quantityPerSource(CAP)).toHaveText("Default Source: 35");
  expect(await api.salableQty(CAP, 1)).toBe(85);
  expect(await api.sourceQuantities(CAP)).toEqual({ default: 35 });
});

test("POST order/{id}/refund answers the credit memo id, and the order page lists it", async ({ api, adminPage: page }) => {
  const storefront = new StorefrontPage(page);
  await storefront.goto(CAP);
  await storefront.addToCart(2);
  await expect(storefront.messages()).toContainText("You added Canvas Cap to your shopping cart.");
  await ok(api.post("order/1/ship", {}));
  // Both shipped caps come back to the source they left: 38 + 2.
  expect(await ok(api.post("order/1/refund", { items: [{ order_item_id: 1, qty: 2 }], arguments: { extension_attributes: { return_to_stock_items: [1] } } }))).toBe(1);
  expect(await api.sourceQuantities(CAP)).toEqual({ default: 40 });

  const orders = new OrdersPage(page);
  await orders.open();
  await orders.openOrder("000000001");
  await expect(orders.status()).toHaveText("Closed");
  expect(await orders.creditMemos()).toEqual([["2 × SR-CAP, shipped: returned to Default Source"]]);
  await expect(page.getByRole("table", { name: "Credit Memos" })).toContainText("admin (REST API)");
});
