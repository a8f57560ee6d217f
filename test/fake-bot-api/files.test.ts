import { Bot, InputFile } from "grammy";
import { describe, expect, it } from "vitest";
import { call, fake, OTHER_TOKEN, TOKEN } from "./helpers.js";

describe("files", () => {
  it("uploads with grammY's InputFile and downloads via getFile and the file URL", async () => {
    const api = await fake({ platform: "telegram" });
    const bot = new Bot(TOKEN, { client: { apiRoot: api.url } });
    const user = api.user();
    const content = Buffer.from("گزارش هفتگی اشتغال\n", "utf8");
    const sent = await bot.api.sendDocument(user.chatId, new InputFile(content, "report.txt"), { caption: "گزارش" });
    expect(sent.document).toMatchObject({ file_name: "report.txt", file_size: content.length, mime_type: "application/octet-stream" });
    expect(sent.caption).toBe("گزارش");

    const file = await bot.api.getFile(sent.document.file_id);
    expect(file.file_path).toBe("documents/file_0.txt");
    const download = await fetch(`${api.url}/file/bot${TOKEN}/${file.file_path}`);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(content);
    expect((await fetch(`${api.url}/file/bot${TOKEN}/documents/nope.txt`)).status).toBe(404);
  });

  it("keeps a Persian file name as grammY writes it (bare, UTF-8), as the real servers do", async () => {
    const api = await fake({ platform: "telegram" });
    const bot = new Bot(TOKEN, { client: { apiRoot: api.url } });
    const chat = api.user().chatId;
    // Large enough to cross several chunks; the bytes must arrive untouched.
    const content = Buffer.concat([Buffer.from("%PDF-1.4 filename=x.pdf\r\n"), Buffer.alloc(300_000, 7)]);
    for (const name of ["دعوت‌نامه جلسه ۱۴۰۵.pdf", 'a "quoted" name.pdf', "plain.pdf"]) {
      const sent = await bot.api.sendDocument(chat, new InputFile(content, name), { caption: "دعوت" });
      expect(sent.document.file_name).toBe(name);
      const file = await bot.api.getFile(sent.document.file_id);
      const download = await fetch(`${api.url}/file/bot${TOKEN}/${file.file_path}`);
      expect(Buffer.from(await download.arrayBuffer()).equals(content)).toBe(true);
    }
    expect(api.sent(chat).map((m) => m.text)).toEqual(["دعوت", "دعوت", "دعوت"]);
  });

  it("accepts a plain multipart part named after the field", async () => {
    const api = await fake({ platform: "bale" });
    const form = new FormData();
    form.set("chat_id", String(api.user().chatId));
    form.set("document", new Blob(["%PDF-1.4"], { type: "application/pdf" }), "minutes.pdf");
    const response = await fetch(`${api.url}/bot${TOKEN}/sendDocument`, { method: "POST", body: form });
    const { result } = (await response.json()) as { result: { document: Record<string, unknown> } };
    expect(result.document).toMatchObject({ file_name: "minutes.pdf", mime_type: "application/pdf", file_size: 8 });
  });

  it("sends photos as a list of sizes and re-sends known files by file_id", async () => {
    const api = await fake({ platform: "telegram" });
    const bot = new Bot(TOKEN, { client: { apiRoot: api.url } });
    const chat = api.user().chatId;
    const photo = await bot.api.sendPhoto(chat, new InputFile(Buffer.alloc(2048), "p.jpg"));
    expect(photo.photo.length).toBeGreaterThan(1);
    const largest = photo.photo.at(-1)!;
    expect(largest.file_size).toBe(2048);
    const again = await bot.api.sendPhoto(chat, largest.file_id);
    expect(again.photo.at(-1)!.file_unique_id).toBe(largest.file_unique_id);
    expect(await call(api, "sendDocument", { chat_id: chat, document: largest.file_id })).toEqual({
      status: 400,
      body: { ok: false, error_code: 400, description: "Bad Request: can't use file of type Photo as Document" },
    });
  });

  it("rejects unknown file ids, URLs, missing files, and other bots' ids", async () => {
    const api = await fake({ platform: "telegram", bots: [{ token: TOKEN }, { token: OTHER_TOKEN }] });
    const chat_id = api.user().chatId;
    const description = async (params: object, token = TOKEN) =>
      (await call(api, "sendDocument", { chat_id, ...params }, token)).body.description;
    expect(await description({ document: "BQACAgIAAxkBAAIbogus" })).toBe("Bad Request: wrong file identifier/HTTP URL specified");
    expect(await description({ document: "https://example.com/a.pdf" })).toBe("Bad Request: failed to get HTTP URL content");
    expect(await description({})).toBe("Bad Request: there is no document in the request");
    const mine = api.user().sendDocument({ fileName: "a.pdf", size: 10 }).document!.file_id;
    api.user({ bot: OTHER_TOKEN, id: chat_id });
    expect(await description({ document: mine }, OTHER_TOKEN)).toBe("Bad Request: wrong file identifier/HTTP URL specified");
  });

  it("lets users claim huge files without allocating them; getFile refuses past 20 MB", async () => {
    const api = await fake({ platform: "telegram" });
    const user = api.user();
    const big = user.sendDocument({ fileName: "scan.pdf", mimeType: "application/pdf", size: 60 * 1024 * 1024, caption: "اسکن" });
    expect(big.document).toMatchObject({ file_size: 62_914_560, file_name: "scan.pdf" });
    expect(big.caption).toBe("اسکن");
    expect((await call(api, "getFile", { file_id: big.document!.file_id })).body.description).toBe("Bad Request: file is too big");

    const small = user.sendDocument({ fileName: "claimed.bin", size: 100_000 });
    const { body } = await call(api, "getFile", { file_id: small.document!.file_id });
    const download = await fetch(api.fileUrl(TOKEN, body.result.file_path));
    expect((await download.arrayBuffer()).byteLength).toBe(100_000);
  });

  it("answers 413 to uploads over the limit", async () => {
    const api = await fake({ platform: "telegram", maxUploadBytes: 1000 });
    const form = new FormData();
    form.set("chat_id", String(api.user().chatId));
    form.set("document", new Blob([new Uint8Array(5000)]), "big.bin");
    const response = await fetch(`${api.url}/bot${TOKEN}/sendDocument`, { method: "POST", body: form });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ ok: false, error_code: 413, description: "Request Entity Too Large" });
  });
});
