import type { PropertyDefinition, PropertyOption } from "./property-definition";

// The HubSpot-defined contact properties the simulator knows: everything the contacts API accepts
// or computes. Read-only ones (readOnlyValue) are refused on writes with READ_ONLY_VALUE;
// enumerations accept only their option values.

const options = (values: [string, string][]): PropertyOption[] => values.map(([value, label]) => ({ value, label }));

const LIFECYCLE_STAGES = options([
  ["subscriber", "Subscriber"],
  ["lead", "Lead"],
  ["marketingqualifiedlead", "Marketing Qualified Lead"],
  ["salesqualifiedlead", "Sales Qualified Lead"],
  ["opportunity", "Opportunity"],
  ["customer", "Customer"],
  ["evangelist", "Evangelist"],
  ["other", "Other"],
]);
const LEAD_STATUSES = options([
  ["NEW", "New"],
  ["OPEN", "Open"],
  ["IN_PROGRESS", "In Progress"],
  ["OPEN_DEAL", "Open Deal"],
  ["UNQUALIFIED", "Unqualified"],
  ["ATTEMPTED_TO_CONTACT", "Attempted to Contact"],
  ["CONNECTED", "Connected"],
  ["BAD_TIMING", "Bad Timing"],
]);
const LEGAL_BASES = options([
  ["Legitimate interest – prospect/lead", "Legitimate interest – prospect/lead"],
  ["Legitimate interest – existing customer", "Legitimate interest – existing customer"],
  ["Legitimate interest - other", "Legitimate interest – other"],
  ["Performance of a contract", "Performance of a contract"],
  ["Freely given consent from contact", "Freely given consent from contact"],
  ["Not applicable", "Not applicable"],
]);
const TRUE_FALSE = options([
  ["true", "Yes"],
  ["false", "No"],
]);

type Row = [
  name: string,
  label: string,
  type: PropertyDefinition["type"],
  fieldType: PropertyDefinition["fieldType"],
  readOnly?: boolean,
  choices?: PropertyOption[],
];

const ROWS: Row[] = [
  ["email", "Email", "string", "text"],
  ["firstname", "First Name", "string", "text"],
  ["lastname", "Last Name", "string", "text"],
  ["salutation", "Salutation", "string", "text"],
  ["phone", "Phone Number", "string", "phonenumber"],
  ["mobilephone", "Mobile Phone Number", "string", "phonenumber"],
  ["fax", "Fax Number", "string", "text"],
  ["company", "Company Name", "string", "text"],
  ["website", "Website URL", "string", "text"],
  ["jobtitle", "Job Title", "string", "text"],
  ["industry", "Industry", "string", "text"],
  ["address", "Street Address", "string", "text"],
  ["city", "City", "string", "text"],
  ["state", "State/Region", "string", "text"],
  ["zip", "Postal Code", "string", "text"],
  ["country", "Country/Region", "string", "text"],
  ["message", "Message", "string", "textarea"],
  ["date_of_birth", "Date of birth", "string", "text"],
  ["lifecyclestage", "Lifecycle Stage", "enumeration", "radio", false, LIFECYCLE_STAGES],
  ["hs_lead_status", "Lead Status", "enumeration", "radio", false, LEAD_STATUSES],
  ["hs_legal_basis", "Legal basis for processing contact's data", "enumeration", "checkbox", false, LEGAL_BASES],
  ["hs_language", "Preferred language", "string", "text"],
  ["hs_persona", "Persona", "string", "text"],
  ["hubspot_owner_id", "Contact owner", "string", "text"],
  ["annualrevenue", "Annual Revenue", "string", "text"],
  ["numemployees", "Number of Employees", "string", "text"],
  ["twitterhandle", "Twitter Username", "string", "text"],
  ["hs_content_membership_notes", "Membership Notes", "string", "textarea"],
  ["hs_whatsapp_phone_number", "WhatsApp Phone Number", "string", "phonenumber"],
  ["hs_timezone", "Time Zone", "string", "text"],
  ["createdate", "Create Date", "datetime", "date", true],
  ["lastmodifieddate", "Last Modified Date", "datetime", "date", true],
  ["hs_object_id", "Record ID", "number", "number", true],
  ["hs_additional_emails", "Additional email addresses", "string", "text", true],
  ["hs_marketable_status", "Marketing contact status", "enumeration", "booleancheckbox", true, TRUE_FALSE],
];

export const HUBSPOT_DEFINED_PROPERTIES: readonly PropertyDefinition[] = ROWS.map(
  ([name, label, type, fieldType, readOnly = false, choices = []]) => ({
    name,
    label,
    type,
    fieldType,
    groupName: "contactinformation",
    description: "",
    options: choices,
    hasUniqueValue: name === "email" || name === "hs_object_id",
    hidden: false,
    hubspotDefined: true,
    calculated: readOnly,
    formField: !readOnly,
    readOnlyValue: readOnly,
    createdAt: Date.UTC(2019, 0, 1),
  }),
);
