import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "link";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-accent text-white hover:bg-accent-dark border border-accent-dark",
  secondary: "bg-[#e3e3e3] text-ink hover:bg-[#dadada] border border-[#adadad]",
  link: "text-link underline hover:no-underline",
};

export function buttonClass(variant: Variant = "secondary") {
  return variant === "link"
    ? VARIANTS.link
    : `inline-flex items-center justify-center px-4 py-2 text-sm font-semibold disabled:opacity-60 ${VARIANTS[variant]}`;
}

export function Button({ variant = "secondary", className = "", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type="button" {...props} className={`${buttonClass(variant)} ${className}`} />;
}
