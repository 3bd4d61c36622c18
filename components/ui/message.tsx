import { useTranslations } from "next-intl";

type Kind = "success" | "error" | "warning" | "info";

const STYLE: Record<Kind, { box: string; icon: string }> = {
  success: { box: "border-green-700 bg-green-50 text-green-900", icon: "✓" },
  error: { box: "border-red-700 bg-red-50 text-red-900", icon: "✕" },
  warning: { box: "border-amber-600 bg-amber-50 text-amber-900", icon: "!" },
  info: { box: "border-sky-700 bg-sky-50 text-sky-900", icon: "i" },
};

/** A full-width message bar: icon and text, never colour alone (spec "The look"). */
export function Message({ kind, children }: { kind: Kind; children: React.ReactNode }) {
  const t = useTranslations("Common.message");
  const s = STYLE[kind];
  return (
    <div
      role={kind === "error" ? "alert" : "status"}
      className={`flex items-start gap-3 border-l-4 px-4 py-3 text-sm ${s.box}`}
    >
      <span aria-hidden="true" className="font-bold">
        {s.icon}
      </span>
      <span className="sr-only">{t(kind)}: </span>
      <div>{children}</div>
    </div>
  );
}
