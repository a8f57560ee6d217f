// The fake Bot API is a product part now (src/fake-bot-api/, the sandbox runs on it); tests keep this path.
export * from "../../src/fake-bot-api/server.js";
