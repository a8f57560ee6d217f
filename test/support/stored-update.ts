/**
 * What several-instance tests share: a /start update as an instance would have stored it (to put
 * an "interrupted" update straight into the inbox), and a wait on a database condition.
 */

/** A private chat's /start from `userId`, as the platform sends it. */
export function startUpdate(updateId: number, userId: number): object {
  const from = { id: userId, is_bot: false, first_name: "کاربر" };
  return {
    update_id: updateId,
    message: {
      message_id: 1_000_000,
      date: Math.floor(Date.now() / 1000),
      chat: { id: userId, type: "private", first_name: "کاربر" },
      from,
      text: "/start",
      entities: [{ type: "bot_command", offset: 0, length: 6 }],
    },
  };
}

/** Resolves once `condition` holds, polled every 25 ms; throws after `timeoutMs`. */
export async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
