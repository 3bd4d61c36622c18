import Link from "next/link";

/** Magento's storefront 404, for an unknown product or store view. */
export default function StorefrontNotFound() {
  return (
    <div className="py-10">
      <h1 className="text-3xl font-light">Whoops, our bad...</h1>
      <p className="mt-4">The page you requested was not found.</p>
      <p className="mt-2">
        <Link href="/preview" className="text-[#006bb4] underline hover:no-underline">
          Go to the store home page
        </Link>
      </p>
    </div>
  );
}
