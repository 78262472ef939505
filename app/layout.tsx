import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { clientEnv } from "@switchboard/lib/env/client";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: clientEnv.NEXT_PUBLIC_PRODUCT_NAME, template: `%s · ${clientEnv.NEXT_PUBLIC_PRODUCT_NAME}` },
  description: "Connect your tenants' HubSpot portals and turn newsletter signups into contacts.",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
