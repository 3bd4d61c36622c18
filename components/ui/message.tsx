type Kind = "success" | "error" | "warning" | "info";

const STYLE: Record<Kind, { box: string; icon: string; label: string }> = {
  success: { box: "border-green-700 bg-green-50 text-green-900", icon: "✓", label: "Success" },
  error: { box: "border-red-700 bg-red-50 text-red-900", icon: "✕", label: "Error" },
  warning: { box: "border-amber-600 bg-amber-50 text-amber-900", icon: "!", label: "Warning" },
  info: { box: "border-sky-700 bg-sky-50 text-sky-900", icon: "i", label: "Note" },
};

/** A full-width message bar: icon and text, never colour alone (spec "The look"). */
export function Message({ kind, children }: { kind: Kind; children: React.ReactNode }) {
  const s = STYLE[kind];
  return (
    <div
      role={kind === "error" ? "alert" : "status"}
      className={`flex items-start gap-3 border-l-4 px-4 py-3 text-sm ${s.box}`}
    >
      <span aria-hidden="true" className="font-bold">
        {s.icon}
      </span>
      <span className="sr-only">{s.label}: </span>
      <div>{children}</div>
    </div>
  );
}
