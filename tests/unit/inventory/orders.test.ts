import { describe, expect, it } from "vitest";
import { formatUnits, hasOpenQty, ORDER_STATUS_LABELS, orderStatus, qtyToShip, RESERVATION_EVENT_LABELS, type OrderLineProgress } from "@/lib/inventory";

const line = (qtyOrdered: number, qtyShipped = 0, qtyCanceled = 0, qtyRefunded?: number): OrderLineProgress => ({
  qtyOrdered,
  qtyShipped,
  qtyCanceled,
  qtyRefunded,
});

describe("order progress (inventory-rules §7)", () => {
  it.each<[string, OrderLineProgress[], string, boolean]>([
    ["nothing shipped or cancelled", [line(5), line(2)], "pending", true],
    ["part shipped, part open", [line(5, 2), line(2)], "processing", true],
    ["everything shipped", [line(5, 5), line(2, 2)], "complete", false],
    ["shipped and the rest cancelled", [line(5, 2, 3)], "complete", false],
    ["everything cancelled", [line(5, 0, 5), line(2, 0, 2)], "canceled", false],
    ["decimals without noise: 0.3 − 0.1 − 0.2 is nothing open", [line(0.3, 0.1, 0.2)], "complete", false],
    ["part refunded before anything shipped, part open", [line(5, 0, 0, 2)], "processing", true],
    ["everything refunded", [line(5, 2, 0, 5)], "closed", false],
    ["part refunded, the rest cancelled", [line(5, 0, 3, 2)], "closed", false],
    ["refunded, but a shipped unit is left unrefunded (the §7 worked case)", [line(4, 2, 0, 3)], "complete", false],
    ["one line refunded, another shipped and kept", [line(2, 0, 0, 2), line(1, 1)], "complete", false],
  ])("§7 %s → %s", (_name, lines, status, open) => {
    expect(orderStatus(lines)).toBe(status);
    expect(hasOpenQty(lines)).toBe(open);
  });

  it("§7 a shipment may take what a cancel would release: ordered − shipped − refunded − cancelled", () => {
    expect(qtyToShip(line(5, 1, 1))).toBe(3);
    expect(qtyToShip(line(5, 1, 0, 3))).toBe(1);
    expect(qtyToShip(line(5, 5))).toBe(0);
  });

  it("every status has Magento's label", () => {
    expect(Object.values(ORDER_STATUS_LABELS)).toEqual(["Pending", "Processing", "Complete", "Canceled", "Closed"]);
  });

  it("§7 every order event has an admin label", () => {
    expect(RESERVATION_EVENT_LABELS).toEqual({
      order_placed: "Order placed",
      order_canceled: "Order canceled",
      shipment_created: "Shipment created",
      creditmemo_created: "Credit memo created",
    });
  });

  it.each([
    [1, "1 unit"],
    [0, "0 units"],
    [2.5, "2.5 units"],
    [1.00001, "1 unit"],
  ])("formatUnits(%s) → %s", (n, text) => {
    expect(formatUnits(n)).toBe(text);
  });
});
