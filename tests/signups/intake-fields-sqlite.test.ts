// The public intake's optional form fields (suites/intake-fields-suite.ts) on sqlite.
import { intakeFieldsSuite } from "./suites/intake-fields-suite";

intakeFieldsSuite("sqlite");
