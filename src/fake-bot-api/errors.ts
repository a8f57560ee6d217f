// Error answers with the exact shapes and wordings of the real APIs.
// Wordings follow telegram-bot-api (tdlib/telegram-bot-api Client.cpp) where it is public;
// Bale copies Telegram's error shapes, so the same texts are used there.

export interface ErrorBody {
  ok: false;
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(description);
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { ok: false, error_code: this.status, description: this.description };
    if (this.retryAfter !== undefined) body.parameters = { retry_after: this.retryAfter };
    return body;
  }
}

export const badRequest = (what: string): ApiError => new ApiError(400, `Bad Request: ${what}`);
export const forbidden = (what: string): ApiError => new ApiError(403, `Forbidden: ${what}`);
export const tooManyRequests = (retryAfter: number): ApiError =>
  new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, retryAfter);
export const conflict = (what: string): ApiError => new ApiError(409, `Conflict: ${what}`);

export const unauthorized = (): ApiError => new ApiError(401, "Unauthorized");
export const notFound = (): ApiError => new ApiError(404, "Not Found");

/** Texts used in more than one place. */
export const TEXT = {
  notModified:
    "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
  queryTooOld: "query is too old and response timeout expired or query ID is invalid",
  blocked: "bot was blocked by the user",
  cantInitiate: "bot can't initiate conversation with a user",
  getUpdatesConflict: "terminated by other getUpdates request; make sure that only one bot instance is running",
  webhookActive: "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
  terminatedBySetWebhook: "terminated by setWebhook request",
} as const;
