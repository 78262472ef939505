import Link from "next/link";

// Also what a user sees for another tenant's pages: "not found" reveals nothing about existence.
export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-4 px-6">
      <p className="text-sm font-semibold text-indigo-700">404</p>
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-700">This page doesn&apos;t exist, or you don&apos;t have access to it.</p>
      <Link href="/" className="self-start rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700">
        Go to your dashboard
      </Link>
    </main>
  );
}
