import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";

/** Magento's admin 404, inside the menu: an unknown product, stock, source or order id. */
export default function AdminNotFound() {
  return (
    <>
      <PageHeader title="404 Error" />
      <p className="mt-6">Page not found.</p>
      <p className="mt-2">
        <Link href="/admin/dashboard" className="text-link underline hover:no-underline">
          Go to the Dashboard
        </Link>
      </p>
    </>
  );
}
