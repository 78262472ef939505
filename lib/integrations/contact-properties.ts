// A contact property as the CRM defines it, reduced to what mapping a form field onto it needs.
// Provider-neutral like contact-upsert.ts: HubSpot's properties API becomes this shape behind the
// provider seam (hubspot/contact-properties.ts), so the settings and the sync never read its wire format.

/** One choice of a `choice` property: `value` is what the CRM stores, `label` what people see. */
export type PropertyOption = { value: string; label: string };

export type ContactProperty = {
  name: string;
  label: string;
  /** text: any text; choice: one of `options` (HubSpot: enumeration); other: numbers, dates, files… (never a target). */
  kind: "text" | "choice" | "other";
  /** The CRM's own type name, for messages ("number", "date", …). */
  typeName: string;
  /** The options people may choose (hidden ones left out); empty unless `kind` is choice. */
  options: PropertyOption[];
  /** The CRM computes or protects the value and refuses writes (HubSpot: readOnlyValue, calculated). */
  readOnly: boolean;
  /** A value identifies one contact (HubSpot: hasUniqueValue): two contacts can never share it. */
  unique: boolean;
};
