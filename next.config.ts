import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const dev = process.env.NODE_ENV === "development";

/**
 * The Content-Security-Policy of every response. Scripts and styles come from this origin only.
 * 'unsafe-inline' for scripts: the App Router writes its page data as inline scripts, and the
 * alternative, a nonce per request, would make every page dynamic and put the proxy in front of
 * every request, static files included. Styles: recharts and React's style props set inline styles.
 * `next dev` also needs eval (React's debugging) and its HMR websocket.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  `connect-src 'self'${dev ? " ws:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  // frame-ancestors for browsers that predate it.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3"],
  // Migrations are read from disk at run time (db/client.ts).
  outputFileTracingIncludes: { "/**": ["./db/migrations/**/*"] },
  poweredByHeader: false,
  // forbidden() and forbidden.tsx: the 403 page of an admin whose role lacks a page's resource (server/auth/guard.ts).
  experimental: { authInterrupts: true },
  // Every response: pages, server actions, the REST API, static files.
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

// next-intl: the messages and locale of each request (the admin's Interface Locale).
export default createNextIntlPlugin("./server/i18n/request.ts")(nextConfig);
