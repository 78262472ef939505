// The sync's outcome semantics (suites/sync-outcomes-suite.ts) on postgresql.
import { syncOutcomesSuite } from "./suites/sync-outcomes-suite";

syncOutcomesSuite("postgresql");
