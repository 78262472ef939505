// The one answer every accepted (or silently dropped) signup gets: it never says whether the
// address was already on the list or whether the tenant's HubSpot is connected. With double opt-in
// it asks the visitor to confirm from the mail (sent for new and unconfirmed addresses alike).
export function ThankYou({ tenantName, doubleOptIn }: { tenantName: string; doubleOptIn: boolean }) {
  if (doubleOptIn) {
    return (
      <section
        aria-labelledby="thanks-heading"
        data-testid="signup-thanks"
        className="rounded-lg border border-emerald-300 bg-emerald-50 p-6"
      >
        <h2 id="thanks-heading" className="text-lg font-semibold text-emerald-900">
          Check your inbox
        </h2>
        <p className="mt-2 text-emerald-900">
          To finish subscribing to the {tenantName} newsletter, open the email we sent you and confirm. The link is valid for 7 days.
        </p>
      </section>
    );
  }
  return (
    <section
      aria-labelledby="thanks-heading"
      data-testid="signup-thanks"
      className="rounded-lg border border-emerald-300 bg-emerald-50 p-6"
    >
      <h2 id="thanks-heading" className="text-lg font-semibold text-emerald-900">
        Thank you!
      </h2>
      <p className="mt-2 text-emerald-900">
        We have your signup for the {tenantName} newsletter. You can unsubscribe at any time from any email we send.
      </p>
    </section>
  );
}
