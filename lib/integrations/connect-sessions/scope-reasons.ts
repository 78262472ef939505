// What the hosted connect page says each requested HubSpot scope is for, in plain language.
const reasons: Record<string, string> = {
  oauth: "Identify your HubSpot account and keep the connection working.",
  "crm.objects.contacts.write": "Create and update contacts for the people who sign up to your newsletter.",
  "crm.objects.contacts.read": "Check whether a contact already exists, so nobody is added twice.",
  "communication_preferences.read_write": "Read and record each person's email subscription choices, so opt-outs are honoured.",
  "crm.lists.read": "See your contact lists.",
  "crm.lists.write": "Add new subscribers to the list you choose.",
};

export type ScopeExplanation = { scope: string; reason: string; optional: boolean };

export function explainScopes(required: readonly string[], optional: readonly string[]): ScopeExplanation[] {
  const describe = (scope: string) => reasons[scope] ?? "Needed for the newsletter integration.";
  return [
    ...required.map((scope) => ({ scope, reason: describe(scope), optional: false })),
    ...optional.map((scope) => ({ scope, reason: describe(scope), optional: true })),
  ];
}
