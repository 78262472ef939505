// HubSpot's batch semantics through the whole sync (suites/sync-outcomes-batch-semantics-suite.ts) on postgresql.
import { syncBatchSemanticsSuite } from "./suites/sync-outcomes-batch-semantics-suite";

syncBatchSemanticsSuite("postgresql");
