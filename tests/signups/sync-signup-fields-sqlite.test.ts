// The sync with mapped form fields (suites/sync-signup-fields-suite.ts) on sqlite.
import { syncSignupFieldsSuite } from "./suites/sync-signup-fields-suite";

syncSignupFieldsSuite("sqlite");
