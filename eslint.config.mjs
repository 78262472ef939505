import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// lib/ is the package @switchboard/lib, loaded once per process (next.config.ts). Outside it, code
// must import it by the package name — a relative or "@/lib/…" import would load a second copy with
// its own runtime and caches. Inside it, the package name would point at the compiled copy instead.
const libFromOutside = {
  group: ["@/lib", "@/lib/*"],
  message: "Outside lib/, import the domain package as @switchboard/lib/… (one copy per process).",
};
const packageFromInside = {
  group: ["@switchboard/lib", "@switchboard/lib/*"],
  message: "Inside lib/, import with @/lib/… (the package name points at the compiled copy).",
};

const eslintConfig = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      ".next*/**",
      "node_modules/**",
      "lib/db/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "packages/*/dist/**",
    ],
  },
  {
    files: ["**/*.{ts,tsx,mjs,js}"],
    ignores: ["lib/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [libFromOutside] }] },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [packageFromInside] }] },
  },
];

export default eslintConfig;
