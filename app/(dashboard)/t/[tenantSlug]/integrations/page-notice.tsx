// The page-level outcome of a redirect (callback, disconnect), announced politely. A labelled
// status region rather than role=alert: Next's route announcer already claims the alert role.
import type { PageNotice as Notice } from "./notices";

const toneClasses: Record<Notice["tone"], string> = {
  success: "border-emerald-300 bg-emerald-50 text-emerald-900",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  error: "border-red-300 bg-red-50 text-red-900",
};

export function PageNotice({ notice }: { notice: Notice | null }) {
  return (
    <div role="status" aria-label="Integration notices" aria-live="polite">
      {notice ? <p className={`rounded-md border px-4 py-3 ${toneClasses[notice.tone]}`}>{notice.text}</p> : null}
    </div>
  );
}
