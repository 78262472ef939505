// The public intake's optional form fields (suites/intake-fields-suite.ts) on postgresql.
import { intakeFieldsSuite } from "./suites/intake-fields-suite";

intakeFieldsSuite("postgresql");
