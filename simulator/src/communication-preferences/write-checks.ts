import { isValidEmail } from "../crm/contact-properties";
import type { Portal } from "../portals";
import type { SimulatorState } from "../state/simulator-state";
import type { StatusWrite } from "./status-json";

// What makes a status write invalid (each → 400 VALIDATION_ERROR). With the portal's data-privacy
// setting on, HubSpot's guide makes legalBasis "required, along with the legalBasisExplanation
// field"; with it off both are optional.

export const EMAIL_CHANNEL = "EMAIL";

export function channelProblem(channel: string | null): string | null {
  if (channel === null || channel === "") return "channel is required (EMAIL)";
  return channel === EMAIL_CHANNEL ? null : `channel ${channel} is not supported; use EMAIL`;
}

export function emailProblem(email: string): string | null {
  return isValidEmail(email) ? null : `Email address ${email} is invalid`;
}

export function statusWriteProblem(sim: SimulatorState, portal: Portal, email: string, write: StatusWrite): string | null {
  const problem = emailProblem(email) ?? channelProblem(write.channel);
  if (problem) return problem;
  const definition = sim.subscriptions.definition(portal.id, write.subscriptionId);
  if (!definition) return `Subscription ${write.subscriptionId} does not exist in portal ${portal.id}`;
  if (!definition.isActive) return `Subscription ${write.subscriptionId} is not active`;
  if (portal.dataPrivacy && (!write.legalBasis || !write.legalBasisExplanation?.trim())) {
    return "legalBasis and legalBasisExplanation are required because data privacy settings are turned on for this account";
  }
  return null;
}
