import Link from "next/link";

/** Any URL Stockroom has no page for. */
export default function NotFound() {
  return (
    <main className="px-8 py-6">
      <h1 className="text-3xl font-light">404 Error</h1>
      <p className="mt-4">Page not found.</p>
      <p className="mt-2">
        <Link href="/admin" className="text-link underline hover:no-underline">
          Go to the Stockroom admin
        </Link>
      </p>
    </main>
  );
}
