/**
 * The sandbox chat's browser script (served at /assets/chat.js; no build step): polls the open
 * chat, posts sends, presses, files and clock moves with fetch (same-origin, so they pass the CSRF
 * check), keeps the reply-to choice and the command menu.
 */
export const CHAT_SCRIPT = String.raw`
(() => {
  const $ = (sel, root = document) => root.querySelector(sel);
  const toast = (text) => {
    const el = $("[data-toast]");
    if (!el || !text) return;
    el.textContent = text;
    el.classList.add("on");
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => el.classList.remove("on"), 3000);
  };
  const post = async (url, data) => {
    const body = data instanceof FormData ? data : new URLSearchParams(data);
    const res = await fetch(url, { method: "POST", body, credentials: "same-origin" });
    try { return await res.json(); } catch { return { ok: res.ok }; }
  };

  $("[data-toggle-people]")?.addEventListener("click", () => $("[data-people]")?.classList.toggle("open"));
  document.querySelectorAll("[data-close]").forEach((el) =>
    el.addEventListener("click", (e) => { e.preventDefault(); e.stopPropagation(); location.href = el.dataset.close; }));

  const clockForm = $("[data-clock-form]");
  clockForm?.addEventListener("submit", async (e) => {
    e.preventDefault();
    const data = new FormData(clockForm);
    data.set("move", e.submitter?.value ?? "");
    const answer = await post("/sandbox/clock", data);
    if (answer.now) $("[data-clock]").textContent = answer.now;
    toast(answer.message);
    poll(true);
  });

  const resetForm = $("[data-reset]");
  resetForm?.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!confirm(resetForm.dataset.confirm)) return;
    const answer = await post("/sandbox/reset", {});
    toast(answer.message);
    const wait = async () => {
      try {
        const state = await (await fetch("/sandbox/state")).json();
        if (state.ready) { location.href = "/"; return; }
      } catch {}
      setTimeout(wait, 1000);
    };
    setTimeout(wait, 1500);
  });

  const box = $("[data-messages]");
  if (!box) return;
  const person = box.dataset.person;
  let version = "";
  let replyTo = "";
  const form = $("[data-send]");
  const text = $("[data-text]");
  const replying = $("[data-replying]");
  const setReply = (id, preview) => {
    replyTo = id || "";
    $("[data-reply-to]").value = replyTo;
    replying.classList.toggle("on", !!replyTo);
    $("[data-replying-text]").textContent = replyTo ? preview : "";
  };
  $("[data-cancel-reply]").addEventListener("click", () => setReply(""));

  async function poll(force) {
    try {
      const res = await fetch(box.dataset.messages + (force || !version ? "" : "?version=" + version), { credentials: "same-origin" });
      if (res.status === 200) {
        const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
        box.innerHTML = await res.text();
        version = res.headers.get("x-chat-version") || "";
        const keys = $("[data-reply-keys]");
        const template = $("[data-reply-keys-template]", box);
        keys.innerHTML = template ? template.innerHTML : "";
        if (atBottom || force) box.scrollTop = box.scrollHeight;
        document.body.dataset.chatVersion = version;
      }
    } catch {}
  }
  setInterval(() => poll(false), 1000);
  poll(true);

  box.addEventListener("click", async (e) => {
    const press = e.target.closest("[data-press]");
    if (press) {
      press.disabled = true;
      const answer = await post("/sandbox/chats/" + person + "/press", { messageId: press.dataset.messageId, data: press.dataset.press });
      toast(answer.text);
      poll(true);
      return;
    }
    const reply = e.target.closest("[data-reply]");
    if (reply) {
      setReply(reply.dataset.reply, reply.closest("[data-message]").dataset.preview);
      text.focus();
    }
  });

  $("[data-reply-keys]").addEventListener("click", async (e) => {
    const key = e.target.closest("[data-key]");
    if (!key) return;
    const data = new FormData();
    data.set("text", key.dataset.key);
    if (key.hasAttribute("data-contact")) data.set("contact", "1");
    await post(form.action, data);
    poll(true);
  });

  const send = async () => {
    const data = new FormData(form);
    if (!String(data.get("text") || "").trim() && !(data.get("file") instanceof File && data.get("file").size > 0)) return;
    await post(form.action, data);
    form.reset();
    setReply("");
    setTimeout(() => poll(true), 300);
  };
  form.addEventListener("submit", (e) => { e.preventDefault(); send(); });
  text.addEventListener("keydown", (e) => { if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); send(); } });
  $("[data-file]").addEventListener("change", () => send());

  const menu = $("[data-menu]");
  $("[data-menu-toggle]").addEventListener("click", () => menu.classList.toggle("on"));
  menu.addEventListener("click", (e) => {
    const cmd = e.target.closest("[data-command]");
    if (!cmd) return;
    menu.classList.remove("on");
    text.value = cmd.dataset.command;
    send();
  });
})();
`;
