import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { applyStoredTheme } from "@/components/theme/theme";
import { rememberTimeZone } from "@/lib/server/time-zone";
import "./globals.css";

export const metadata: Metadata = { title: "Tasks", description: "Your tasks, private to you: priorities, tags, due dates, reminders." };
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script sets data-theme before hydration; React must not treat that as a mismatch.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: applyStoredTheme + rememberTimeZone }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
