// Error text under one form field. The field points at it with aria-describedby={id}, so screen
// readers announce the problem together with the field. Renders nothing when there is no error.
export function FieldError({ id, messages }: { id: string; messages: string | string[] | undefined }) {
  const text = Array.isArray(messages) ? messages.join(" ") : messages;
  if (!text) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-800">
      {text}
    </p>
  );
}
