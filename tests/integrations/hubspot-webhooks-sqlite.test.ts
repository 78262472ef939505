// HubSpot's app webhooks on SQLite (one database per file: the app's configuration is read once per process).
import { describeHubspotWebhooks } from "./support/hubspot-webhooks-suite";

describeHubspotWebhooks("sqlite");
