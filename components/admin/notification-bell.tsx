import { useTranslations } from "next-intl";
import Link from "next/link";

/**
 * The header's link to System > Notifications with the unread count (Magento's bell). The count
 * is in the link's name for screen readers, and in a badge for the eye (white on the deeper
 * accent: 4.7:1, WCAG AA).
 */
export function NotificationBell({ unread }: { unread: number }) {
  const t = useTranslations("Shell");
  return (
    <Link
      href="/admin/notification"
      aria-label={unread > 0 ? t("notificationsUnread", { count: unread }) : t("notifications")}
      className="flex items-center gap-1 text-ink hover:text-link"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {unread > 0 && (
        <span aria-hidden="true" className="min-w-5 rounded-full bg-accent px-1.5 text-center text-xs leading-5 font-semibold text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
