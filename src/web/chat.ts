/**
 * The sandbox's web chat (mounted only by the sandbox): pick a person of the committee and chat
 * with the bot as them in a Bale-like view — bubbles, inline buttons that work, reply-to, sending
 * a file, the command menu — several people in tabs; a clock control that moves the sandbox's
 * clock and runs the scheduler; a reset. Every action is what a real user does on the platform:
 * it goes through the fake Bot API as an update, so the bot's code paths are the production ones.
 */
import type { Context, Hono } from "hono";
import { html } from "hono/html";
import type { InlineKeyboardButton, KeyboardButton, Message } from "grammy/types";
import { parseJalaliStrict } from "../domain/calendar/index.js";
import type { FakeUser } from "../fake-bot-api/index.js";
import { formatsFor, joinNames } from "../services/render/format.js";
import type { ClockMove } from "../sandbox/clock.js";
import { page, type Html } from "./html.js";
import { webTranslator } from "./app.js";

export interface ChatPerson {
  personId: number;
  name: string;
  roles: { role: string; scope: string; title: string | null }[];
}

export interface SandboxChatBackend {
  people(): readonly ChatPerson[];
  userOf(personId: number): FakeUser | undefined;
  /** The command menu this person's chat shows (their roles' menu). */
  commands(person: ChatPerson): readonly { command: string; description: string }[];
  now(): Date;
  move(move: ClockMove): Promise<{ ok: boolean; now: Date }>;
  /** Starts a reset (it restarts this HTTP server, so it runs after the answer). */
  reset(): void;
  ready(): boolean;
}

const MAX_FILE_BYTES = 20 * 1024 * 1024;
const ROLE_LABEL: Record<string, string> = { secretariat: "دبیرخانه", governorate: "فرمانداری", head: "رئیس", liaison: "کارشناس رابط" };

export function mountSandboxChat(web: Hono, backend: SandboxChatBackend): void {
  const t = webTranslator();
  const f = formatsFor(t);
  const roleLine = (p: ChatPerson) =>
    joinNames(
      p.roles.map((r) => `${r.title ?? ROLE_LABEL[r.role] ?? r.role} — ${r.scope}`),
      t,
    );
  const userOr404 = (c: Context): FakeUser | undefined => backend.userOf(Number(c.req.param("person")));

  web.get("/", (c) => {
    const people = backend.people();
    const tabs = (c.req.query("tabs") ?? "")
      .split(",")
      .map(Number)
      .filter((id) => people.some((p) => p.personId === id));
    const active = Number(c.req.query("active") ?? tabs[0] ?? NaN);
    const activePerson = people.find((p) => p.personId === active);
    const openTabs = activePerson && !tabs.includes(active) ? [...tabs, active] : tabs;
    const link = (ids: number[], act?: number) => `/?tabs=${ids.join(",")}${act !== undefined ? `&active=${act}` : ""}`;
    return c.html(
      page({
        title: t("sandbox-title"),
        bodyClass: "chat",
        scripts: ["/assets/chat.js"],
        body: html`<header class="topbar">
            <button class="btn light people-toggle" type="button" data-toggle-people>${t("sandbox-people-toggle")}</button>
            <h1>${t("sandbox-title")}</h1>
            <div class="clock">
              <span class="now" data-clock>${f.dateTime(backend.now())}</span>
              <form method="post" action="/sandbox/clock" data-clock-form>
                <button class="btn light" name="move" value="next-working-morning">${t("sandbox-next-morning")}</button>
                <button class="btn light" name="move" value="working-day">${t("sandbox-plus-working-day")}</button>
                <button class="btn light" name="move" value="week">${t("sandbox-plus-week")}</button>
                <input name="date" placeholder="${t("sandbox-date-placeholder")}" aria-label="${t("sandbox-go-date")}" />
                <button class="btn light" name="move" value="date">${t("sandbox-go-date")}</button>
              </form>
            </div>
            <span class="spacer"></span>
            <a href="/dashboard" target="_blank" rel="noopener">${t("sandbox-dashboard")}</a>
            <form method="post" action="/sandbox/reset" data-reset data-confirm="${t("sandbox-reset-confirm")}">
              <button class="btn danger" type="submit">${t("sandbox-reset")}</button>
            </form>
          </header>
          <div class="workspace">
            <aside class="people" data-people>
              <h2>${t("sandbox-people")}</h2>
              ${people.map(
                (p) =>
                  html`<a
                    href="${link(openTabs.includes(p.personId) ? openTabs : [...openTabs, p.personId], p.personId)}"
                    class="${p.personId === active ? "active" : ""}"
                    data-person="${p.personId}"
                    ><span class="avatar">${p.name.slice(0, 1)}</span>${p.name}<span class="role">${roleLine(p)}</span></a
                  >`,
              )}
            </aside>
            <section class="conversation">
              <nav class="tabs">
                ${openTabs.map((id) => {
                  const p = people.find((x) => x.personId === id)!;
                  const rest = openTabs.filter((x) => x !== id);
                  return html`<a href="${link(openTabs, id)}" class="${id === active ? "active" : ""}" data-tab="${id}"
                    >${p.name}<span class="close" data-close="${link(rest, id === active ? rest[0] : active)}">×</span></a
                  >`;
                })}
              </nav>
              ${
                activePerson
                  ? html`<div class="chat-head">
                        <strong>${activePerson.name}</strong> <span class="role">${roleLine(activePerson)}</span>
                      </div>
                      <div class="messages" data-messages="/sandbox/chats/${active}/messages" data-person="${active}"></div>
                      <div class="composer-wrap">
                        <div class="menu" data-menu>
                          ${backend
                            .commands(activePerson)
                            .map(
                              (cmd) =>
                                html`<button type="button" data-command="/${cmd.command}">
                                  <span class="cmd">/${cmd.command}</span>${cmd.description}
                                </button>`,
                            )}
                        </div>
                        <div class="composer">
                          <div class="replying" data-replying>
                            <span data-replying-text></span><button type="button" data-cancel-reply>${t("sandbox-cancel-reply")}</button>
                          </div>
                          <div class="reply-keys" data-reply-keys></div>
                          <form method="post" action="/sandbox/chats/${active}/send" data-send enctype="multipart/form-data">
                            <button
                              class="icon"
                              type="button"
                              data-menu-toggle
                              title="${t("sandbox-menu")}"
                              aria-label="${t("sandbox-menu")}"
                            >
                              /
                            </button>
                            <label class="icon" title="${t("sandbox-file")}" aria-label="${t("sandbox-file")}"
                              ><svg
                                width="18"
                                height="18"
                                viewBox="0 0 24 24"
                                fill="none"
                                stroke="currentColor"
                                stroke-width="2"
                                aria-hidden="true"
                              >
                                <path d="M21 11.5l-8.5 8.5a5 5 0 0 1-7-7L14 4.5a3.5 3.5 0 0 1 5 5L10.5 18a2 2 0 0 1-3-3L15 7.5" /></svg
                              ><input type="file" name="file" hidden data-file
                            /></label>
                            <textarea name="text" placeholder="${t("sandbox-message-placeholder")}" data-text></textarea>
                            <input type="hidden" name="replyTo" data-reply-to />
                            <button class="send" type="submit" title="${t("sandbox-send")}" aria-label="${t("sandbox-send")}">➤</button>
                          </form>
                        </div>
                      </div>`
                  : html`<div class="empty">${t("sandbox-pick")}</div>`
              }
            </section>
          </div>
          <div class="toast" data-toast></div>`,
      }),
    );
  });

  web.get("/sandbox/state", (c) => c.json({ ready: backend.ready(), now: backend.ready() ? f.dateTime(backend.now()) : null }));

  web.get("/sandbox/chats/:person/messages", (c) => {
    const user = userOr404(c);
    if (!user) return c.text("not found", 404);
    const { version, lines } = user.transcript();
    if (c.req.query("version") === String(version)) return c.body(null, 204);
    const byId = new Map(lines.map((l) => [l.message.message_id, l.message]));
    let replyKeys: KeyboardButton[][] = [];
    for (const l of lines) {
      const markup = l.replyMarkup as { keyboard?: KeyboardButton[][]; remove_keyboard?: boolean } | undefined;
      if (markup?.keyboard) replyKeys = markup.keyboard;
      else if (markup?.remove_keyboard || (!l.fromBot && replyKeys.length > 0 && l === lines.at(-1))) replyKeys = [];
    }
    c.header("x-chat-version", String(version));
    return c.html(
      html`${lines.map((l) => bubble(l.message, l.fromBot, l.edited, byId))}
        <template data-reply-keys-template
          >${replyKeys.map(
            (row) =>
              html`${row.map((b) => {
                const k = typeof b === "string" ? { text: b } : b;
                return html`<button type="button" data-key="${k.text}" ${"request_contact" in k && k.request_contact ? "data-contact" : ""}>
                  ${k.text}
                </button>`;
              })}`,
          )}</template
        >`,
    );
  });

  function bubble(m: Message, fromBot: boolean, edited: boolean, byId: Map<number, Message>): Html {
    const text = m.text ?? m.caption ?? "";
    const quoted = m.reply_to_message ? (byId.get(m.reply_to_message.message_id) ?? m.reply_to_message) : undefined;
    const keyboard = (m.reply_markup?.inline_keyboard ?? []) as InlineKeyboardButton[][];
    const time =
      f
        .dateTime(new Date(m.date * 1000))
        .split(" ")
        .at(-1) ?? "";
    return html`<div class="msg ${fromBot ? "bot" : "me"}" data-message="${m.message_id}" data-preview="${text.slice(0, 80)}">
      ${quoted ? html`<div class="quote">${(quoted.text ?? quoted.caption ?? quoted.document?.file_name ?? "").slice(0, 80)}</div>` : ""}
      ${m.document ? html`<div class="file">${t("sandbox-file-label")}: ${m.document.file_name ?? ""}</div>` : ""}${m.photo ? html`<div class="file">${t("sandbox-photo-label")}</div>` : ""}${
        m.contact ? html`<div class="file">${t("sandbox-contact-label")}: ${f.digits(m.contact.phone_number)}</div>` : ""
      }${text ? html`<div class="text">${text}</div>` : ""}
      ${
        keyboard.length > 0
          ? html`<div class="keyboard">
              ${keyboard.map(
                (row) =>
                  html`<div class="row">
                    ${row.map((b) =>
                      "callback_data" in b
                        ? html`<button type="button" data-press="${b.callback_data}" data-message-id="${m.message_id}">${b.text}</button>`
                        : "url" in b
                          ? html`<a href="${b.url}" target="_blank" rel="noopener noreferrer">${b.text}</a>`
                          : html`<button type="button" disabled>${b.text}</button>`,
                    )}
                  </div>`,
              )}
            </div>`
          : ""
      }
      <div class="meta">
        <span>${time}${edited ? html` · <span class="edited">${t("sandbox-edited")}</span>` : ""}</span>
        <button type="button" data-reply="${m.message_id}">${t("sandbox-reply")}</button>
      </div>
    </div>`;
  }

  web.post("/sandbox/chats/:person/send", async (c) => {
    const user = userOr404(c);
    if (!user) return c.text("not found", 404);
    const form = await c.req.parseBody();
    const replyTo = Number(form.replyTo) || undefined;
    const file = form.file;
    const text = typeof form.text === "string" ? form.text.trim() : "";
    if (file instanceof File && file.size > 0) {
      if (file.size > MAX_FILE_BYTES) return c.json({ ok: false, error: "file too large" }, 413);
      const content = Buffer.from(await file.arrayBuffer());
      const doc = {
        fileName: file.name || "file",
        mimeType: file.type || "application/octet-stream",
        content,
        ...(text ? { caption: text } : {}),
      };
      user.sendDocument(doc, replyTo ? { replyTo } : {});
    } else if (text) {
      if (form.contact === "1") user.shareContact();
      else if (/^\/\w+/.test(text)) {
        const [command, ...rest] = text.split(/\s+/);
        user.command(command!, rest.length > 0 ? rest.join(" ") : undefined);
      } else user.send(text, replyTo ? { replyTo } : {});
    }
    return c.json({ ok: true });
  });

  web.post("/sandbox/chats/:person/press", async (c) => {
    const user = userOr404(c);
    if (!user) return c.text("not found", 404);
    const form = await c.req.parseBody();
    const answer = await user.press(Number(form.messageId), String(form.data ?? ""), { timeoutMs: 10_000 }).catch(() => undefined);
    return c.json({ ok: true, text: answer?.text ?? "" });
  });

  web.post("/sandbox/clock", async (c) => {
    const form = await c.req.parseBody();
    const kind = String(form.move ?? "");
    let move: ClockMove;
    if (kind === "date") {
      const parsed = parseJalaliStrict(String(form.date ?? ""));
      if (!parsed.ok) return c.json({ ok: false, message: t("sandbox-date-invalid") }, 400);
      move = { kind: "date", date: parsed.value };
    } else if (kind === "next-working-morning" || kind === "working-day" || kind === "week") move = { kind };
    else return c.json({ ok: false, message: t("sandbox-date-invalid") }, 400);
    const moved = await backend.move(move);
    return c.json(
      { ok: moved.ok, now: f.dateTime(moved.now), message: t(moved.ok ? "sandbox-clock-moved" : "sandbox-clock-not-moved") },
      moved.ok ? 200 : 400,
    );
  });

  web.post("/sandbox/reset", (c) => {
    backend.reset();
    return c.json({ ok: true, message: t("sandbox-restarting") });
  });
}
