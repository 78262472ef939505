"use client";
// Unexpected failures: a friendly message and a retry. Details stay in the server log; the digest
// lets an operator find them without showing anything sensitive here.
import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    document.title = "Something went wrong";
  }, []);

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-4 px-6">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-slate-700">An unexpected error occurred. Please try again in a moment.</p>
      {error.digest ? <p className="text-sm text-slate-600">Reference: {error.digest}</p> : null}
      <button
        type="button"
        onClick={reset}
        className="self-start rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700"
      >
        Try again
      </button>
    </main>
  );
}
