// Every /api/v1 suite on SQLite (one database per file: the app's configuration is read once per process).
import { describeApiV1 } from "./support/all-suites";

describeApiV1("sqlite");
