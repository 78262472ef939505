import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { clientEnv } from "@switchboard/lib/env/client";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: clientEnv.NEXT_PUBLIC_PRODUCT_NAME, template: `%s · ${clientEnv.NEXT_PUBLIC_PRODUCT_NAME}` },
  description: "Connect your tenants' HubSpot portals and turn newsletter signups into contacts.",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, never at build time: proxy.ts gives each response a fresh CSP
  // nonce, and Next can only put it on its scripts when it renders then (a prerendered page's
  // scripts carry none and the browser refuses them all). It also keeps build-time configuration
  // (APP_URL, AUTH_PASSWORD) out of pages.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
