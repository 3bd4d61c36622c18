import Link from "next/link";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireAdmin } from "@/server/auth/guard";
import { signOut } from "../actions";

export default async function AdminShellLayout({ children }: { children: React.ReactNode }) {
  // Pages and actions check again: a layout is not re-run on every client navigation.
  const admin = await requireAdmin();
  return (
    <div className="flex min-h-screen">
      <aside className="w-52 shrink-0 bg-menu text-menu-text">
        <Link href="/admin/dashboard" className="block px-4 py-5 text-xl font-semibold text-menu-accent">
          Stockroom
        </Link>
        <AdminNav />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <div className="flex items-center justify-end gap-4 border-b border-line bg-white px-6 py-2 text-sm">
          <span>
            Signed in as <strong>{admin.username}</strong>
          </span>
          <Link href="/admin/system_account" className="text-link underline hover:no-underline">
            Change Password
          </Link>
          <form action={signOut}>
            <button type="submit" className="text-link underline hover:no-underline">
              Sign Out
            </button>
          </form>
        </div>
        <main className="flex-1 px-8 py-6">{children}</main>
      </div>
    </div>
  );
}
