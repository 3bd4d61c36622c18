/**
 * Quantities are stored with 4 decimals (Magento's decimal(12,4)); every comparison and every
 * reported figure is rounded there so float noise (0.1 + 0.2) never flips a rule (inventory-rules §4).
 */
export function round4(n: number): number {
  // `+ 0` turns -0 into 0 so a figure never prints or compares as "-0".
  return Math.round(n * 10000) / 10000 + 0;
}

/** A quantity as shoppers and admins read it: no trailing zeros, at most 4 decimals. */
export function formatQty(n: number): string {
  return String(round4(n));
}

/** "1 unit", "2.5 units": a quantity in a sentence. */
export function formatUnits(n: number): string {
  return `${formatQty(n)} ${round4(n) === 1 ? "unit" : "units"}`;
}
