// The consent text a tenant shows beside the form's checkbox. It travels to HubSpot verbatim as the
// subscription's legalBasisExplanation, so it is refused where it is edited (dashboard and API) when
// HubSpot might not take it — never at sync time, when the visitor has long gone.
//
// HubSpot documents no maximum for legalBasisExplanation (HUBSPOT-2026-03.md §4). 500 characters is
// a deliberately conservative limit: a few sentences, far below any text limit HubSpot documents
// for CRM values, so a longer undocumented cap is the only thing that could still refuse it.
export const CONSENT_TEXT_MIN_LENGTH = 10;
export const CONSENT_TEXT_MAX_LENGTH = 500;
