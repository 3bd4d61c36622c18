const USD = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** The shop's price format (the demo stores are US stores). */
export function formatPrice(price: number): string {
  return USD.format(price);
}
