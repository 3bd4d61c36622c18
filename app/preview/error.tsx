"use client";

import Link from "next/link";
import { ErrorPanel, type ErrorBoundaryProps } from "@/components/ui/error-panel";

/**
 * A storefront page failed to render. Add to Cart answers in its own form, so this is a page
 * that could not be shown; but it may be the page shown after an order went through, so the
 * shopper is never told an order failed when it cannot be known.
 */
export default function StorefrontError(props: ErrorBoundaryProps) {
  return (
    <ErrorPanel {...props}>
      <p>
        If you had just clicked Add to Cart, your order may have been placed: check{" "}
        <Link href="/admin/sales/order" className="text-link underline hover:no-underline">
          Sales &gt; Orders
        </Link>{" "}
        before you order again.
      </p>
    </ErrorPanel>
  );
}
