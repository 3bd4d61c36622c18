"use client";

import "./globals.css";
import { ErrorPanel, type ErrorBoundaryProps } from "@/components/ui/error-panel";

/** The root layout itself failed: this replaces it, so it brings its own document. */
export default function GlobalError(props: ErrorBoundaryProps) {
  return (
    <html lang="en">
      <body className="min-h-screen px-8 py-6 font-sans antialiased">
        <title>Something went wrong / Stockroom</title>
        <main>
          <ErrorPanel {...props}>
            <p>Every save is stored whole or not at all, so nothing is half-saved.</p>
          </ErrorPanel>
        </main>
      </body>
    </html>
  );
}
