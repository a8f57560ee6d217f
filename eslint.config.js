// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/", "prisma/generated/", "node_modules/", "coverage/", "data/"] },
  js.configs.recommended,
  { languageOptions: { globals: globals.node } },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "error",
    },
  },
  // The fake Bot API is a developer tool: its command line and its crash reports talk to the terminal.
  { files: ["src/fake-bot-api/**"], rules: { "no-console": "off" } },
  { files: ["test/**", "bench/**", "prisma/**"], rules: { "no-console": "off", "@typescript-eslint/no-non-null-assertion": "off" } },
);
