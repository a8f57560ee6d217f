// The fake Bot API's public surface (see README.md).
export { FakeBotApi, startFakeBotApi, type FaultControl } from "./server.js";
export { FakeGroup, FakeUser } from "./user.js";
export type { FileToSend, GroupOptions, MessageMatch, PhotoToSend, UserOptions, WaitOptions } from "./user.js";
export type { FaultHandle } from "./faults.js";
export { DEFAULT_LIMITED_METHODS } from "./rate-limit.js";
export type * from "./types.js";
