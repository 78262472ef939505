import type { ServerResponse } from "node:http";
import type { SimulatorConfig } from "../config";
import { FaultInjector } from "../faults";
import { RollingRateLimiter } from "../rate-limit";
import { ContactStore, type Contact } from "./contact-store";
import { ListStore } from "./list-store";
import { MailOutbox } from "./mail-outbox";
import { PortalRegistry } from "./portal-registry";
import { PropertyStore } from "./property-store";
import { RequestLog } from "./request-log";
import { SubscriptionStore } from "./subscription-store";
import { TokenStore } from "./token-store";
import { WebhookDeliveries } from "./webhook-deliveries";

// Everything the simulator remembers, in one object so `POST /_sim/reset` can wipe it at once.

export class SimulatorState {
  config: SimulatorConfig;
  readonly tokens = new TokenStore();
  readonly contacts = new ContactStore();
  readonly subscriptions = new SubscriptionStore();
  readonly properties = new PropertyStore();
  readonly lists = new ListStore();
  readonly mails = new MailOutbox();
  /** Portals the app was uninstalled from since their last grant: no webhooks go there. */
  readonly uninstalledPortals = new Set<number>();
  readonly requests = new RequestLog();
  readonly webhookDeliveries = new WebhookDeliveries();
  readonly faults = new FaultInjector();
  readonly rateLimiter = new RollingRateLimiter();
  /** Responses held open by a "hang" fault; released (destroyed) on reset and close. */
  readonly hanging = new Set<ServerResponse>();

  portals: PortalRegistry;

  constructor(private readonly initialConfig: SimulatorConfig) {
    this.config = structuredClone(initialConfig);
    this.portals = new PortalRegistry(initialConfig.portals);
  }

  /** A known portal (never creates one). */
  portal(portalId: number) {
    return this.portals.get(portalId);
  }

  /** A portal named by a caller: created on the spot when `createPortalsOnDemand` is on. */
  namedPortal(portalId: number) {
    return this.portals.getOrCreate(portalId, this.config.createPortalsOnDemand);
  }

  /** Whether the app's contacts created now in this portal become marketing contacts. */
  createsMarketingContacts(portalId: number): boolean {
    return this.portals.get(portalId)?.createAsMarketingContacts ?? false;
  }

  /** A contact leaves the portal (and its lists); a privacy deletion also erases its subscription statuses. */
  forgetContact(portalId: number, contact: Contact, privacy: boolean): void {
    this.contacts.delete(portalId, contact);
    this.lists.removeRecord(portalId, contact.id);
    if (!privacy) return;
    for (const address of [contact.properties.email, ...contact.additionalEmails]) {
      if (address) this.subscriptions.forget(portalId, address);
    }
  }

  /** A merge folded contact `fromId` into `toId`: what referred to the old id follows it. */
  contactMerged(portalId: number, fromId: string, toId: string): void {
    this.lists.replaceRecord(portalId, fromId, toId);
  }

  reset(): void {
    this.config = structuredClone(this.initialConfig);
    this.portals = new PortalRegistry(this.initialConfig.portals);
    this.tokens.clear();
    this.contacts.clear();
    this.subscriptions.clear();
    this.properties.clear();
    this.lists.clear();
    this.mails.clear();
    this.uninstalledPortals.clear();
    this.requests.clear();
    this.webhookDeliveries.clear();
    this.faults.clear();
    this.rateLimiter.clear();
    this.releaseHanging();
  }

  releaseHanging(): void {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
  }
}
