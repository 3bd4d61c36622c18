"use client";

import Link from "next/link";
import { ErrorPanel, type ErrorBoundaryProps } from "@/components/ui/error-panel";
import { useErrorText } from "@/components/ui/use-error-text";

/**
 * A storefront page failed to render. Add to Cart answers in its own form, so this is a page
 * that could not be shown; but it may be the page shown after an order went through, so the
 * shopper is never told an order failed when it cannot be known.
 */
export default function StorefrontError(props: ErrorBoundaryProps) {
  const t = useErrorText();
  return (
    <ErrorPanel {...props}>
      <p>
        {t.rich("orderMayBePlaced", {
          link: (chunks) => (
            <Link href="/admin/sales/order" className="text-link underline hover:no-underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </ErrorPanel>
  );
}
