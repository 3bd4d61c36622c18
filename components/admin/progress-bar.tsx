import { useLocale, useTranslations } from "next-intl";

/**
 * How far a long write has come: a native <progress> (announced by screen readers) with its
 * figures in words beside it. `total` null = not known yet (the file is still being read).
 * `label` and `unit` come in the reader's language from the caller.
 */
export function ProgressBar({ label, done, total, unit }: { label: string; done: number; total: number | null; unit: string }) {
  const t = useTranslations("System.progress");
  const locale = useLocale();
  const figures =
    total === null
      ? t("figures", { done: done.toLocaleString(locale), unit })
      : t("figuresOf", { done: done.toLocaleString(locale), total: total.toLocaleString(locale), unit });
  return (
    <div className="space-y-1" role="status" aria-live="polite">
      <progress aria-label={label} className="h-3 w-full accent-accent" max={total ?? undefined} value={total === null ? undefined : done} />
      <p className="text-sm">
        {label}: {figures}
      </p>
    </div>
  );
}
