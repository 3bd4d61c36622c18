/** "Product Salable Quantity": `stock name: qty` per stock the product is assigned to (inventory-rules §2). */
export function SalableQuantitySection({ salable }: { salable: { stockId: number; stockName: string; qty: string }[] }) {
  return (
    <section aria-labelledby="salable-heading" className="space-y-3 border border-line bg-white p-6">
      <h2 id="salable-heading" className="text-xl font-light">
        Product Salable Quantity
      </h2>
      <p className="text-xs text-muted">As saved: edits show here once you save the product.</p>
      {salable.length === 0 ? (
        <p className="text-sm">Not assigned to any stock yet, so it can&apos;t be sold.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {salable.map((s) => (
            <li key={s.stockId}>
              {s.stockName}: <strong>{s.qty}</strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
