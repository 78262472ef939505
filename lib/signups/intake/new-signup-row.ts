// What intake writes for an address a tenant has not seen before, and the contract every writer
// keeps: resolve only once the row is committed; null when the tenant already has that address.

export interface NewSignupRow {
  id: string;
  tenantId: string;
  email: string;
  emailNormalized: string;
  firstName: string | null;
  consentGiven: boolean;
  consentText: string;
}

export type NewSignupWriter = (row: NewSignupRow) => Promise<{ id: string } | null>;
