// The `.env` files, read by Next.js's own loader for the commands Next does not start itself:
// `npm start` (before Next boots), the worker, the admin CLI, keys:rotate, the seed, the bench and the
// Prisma CLI. So every command sees the configuration `next dev` and `next build` see: `.env`,
// `.env.local`, `.env.<mode>`, `.env.<mode>.local` with Next's precedence, and a variable set in the
// real environment always wins.
import nextEnv from "@next/env";

/** Next's marker that this process tree has read its env files; children inherit it and skip theirs. */
const ENV_FILES_READ = "__NEXT_PROCESSED_ENV";

export type LoadEnvFilesOptions = {
  /** The project folder; the working directory by default, as for `next start`. */
  dir?: string;
  /** Run as production unless NODE_ENV says otherwise, like `next start` (for `npm start`). */
  production?: boolean;
};

/**
 * Loads the env files into process.env (once per process tree). The mode comes from
 * NODE_ENV as the command was started with (a NODE_ENV inside `.env` cannot choose which files are
 * read): production reads `.env.production*`, test skips `.env.local` (as Next does), anything
 * else is development.
 */
export function loadEnvFiles({ dir = process.cwd(), production = false }: LoadEnvFilesOptions = {}): void {
  // Object.assign: Next's types declare NODE_ENV read-only.
  if (production && !process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: "production" });
  nextEnv.loadEnvConfig(dir, process.env.NODE_ENV !== "production");
}

/**
 * For commands that configure every process they start themselves (`npm test`, `npm run demo`): no
 * `.env` file in the checkout may change them. Setting Next's own marker stops this loader and Next
 * (`next build`, the server) alike, in this process and every child.
 */
export function ignoreEnvFiles(env: NodeJS.ProcessEnv = process.env): void {
  env[ENV_FILES_READ] = "true";
}
