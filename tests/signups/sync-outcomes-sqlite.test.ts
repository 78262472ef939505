// The sync's outcome semantics (suites/sync-outcomes-suite.ts) on sqlite.
import { syncOutcomesSuite } from "./suites/sync-outcomes-suite";

syncOutcomesSuite("sqlite");
