/** The one stylesheet (served at /assets/app.css): the dashboard and the sandbox's Bale-like chat. */
export const STYLESHEET = String.raw`
@font-face { font-family: Vazirmatn; src: url(/assets/vazirmatn.woff2) format("woff2"); font-weight: 100 900; font-display: swap; }
:root { --green: #1f8a70; --green-dark: #166a56; --bg: #eef2f1; --card: #fff; --text: #1f2937; --muted: #6b7280; --line: #dfe5e3;
  --low: #dc2626; --mid: #f59e0b; --high: #16a34a; --out: #dcf5e9; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: Vazirmatn, Tahoma, sans-serif; background: var(--bg); color: var(--text); font-size: 15px; line-height: 1.7; }
a { color: var(--green-dark); }
button, input, select, textarea { font: inherit; }
.btn { background: var(--green); color: #fff; border: 0; border-radius: 8px; padding: 6px 12px; cursor: pointer; text-decoration: none; display: inline-block; }
.btn:hover { background: var(--green-dark); }
.btn.light { background: #fff; color: var(--green-dark); border: 1px solid var(--green); }
.btn.danger { background: #b91c1c; }
.topbar { background: var(--green); color: #fff; padding: 8px 16px; display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; }
.topbar h1 { font-size: 17px; margin: 0; font-weight: 700; }
.topbar .spacer { flex: 1; }
.topbar a, .topbar .who { color: #fff; }
.topbar form { display: inline; margin: 0; }
.topbar .btn.light { padding: 3px 10px; }
main.dash { max-width: 1100px; margin: 0 auto; padding: 12px; }
.card { background: var(--card); border-radius: 12px; padding: 12px 16px; margin: 12px 0; box-shadow: 0 1px 2px rgba(0,0,0,.06); }
.card h2 { font-size: 16px; margin: 0 0 8px; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 8px; }
.kpi { background: var(--card); border-radius: 12px; padding: 10px 14px; box-shadow: 0 1px 2px rgba(0,0,0,.06); }
.kpi .value { font-size: 22px; font-weight: 700; }
.kpi .label { color: var(--muted); font-size: 13px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: right; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 500; font-size: 13px; white-space: nowrap; }
td.num { white-space: nowrap; }
.bar { background: #eef1f5; border-radius: 6px; height: 10px; min-width: 80px; overflow: hidden; }
.bar > span { display: block; height: 100%; border-radius: 6px; }
.bar .low { background: var(--low); } .bar .mid { background: var(--mid); } .bar .high { background: var(--high); }
.w0{width:0}.w5{width:5%}.w10{width:10%}.w15{width:15%}.w20{width:20%}.w25{width:25%}.w30{width:30%}.w35{width:35%}.w40{width:40%}.w45{width:45%}
.w50{width:50%}.w55{width:55%}.w60{width:60%}.w65{width:65%}.w70{width:70%}.w75{width:75%}.w80{width:80%}.w85{width:85%}.w90{width:90%}.w95{width:95%}.w100{width:100%}
.chart { width: 100%; height: auto; border-radius: 8px; }
.muted { color: var(--muted); }
.late { color: var(--low); font-weight: 600; }
.tag { display: inline-block; border-radius: 999px; padding: 0 8px; font-size: 12px; background: #eef1f5; }
.history { margin: 4px 0 0; padding: 0 16px 0 0; font-size: 13px; color: var(--muted); }
details summary { cursor: pointer; }
.center { max-width: 420px; margin: 12vh auto; text-align: center; }
nav.sub { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0; }
@media (max-width: 600px) {
  body { font-size: 14px; }
  main.dash { padding: 6px; }
  th, td { padding: 5px 4px; }
  .hide-phone { display: none; }
}

/* The sandbox's chat, after Bale's look */
body.chat { height: 100vh; display: flex; flex-direction: column; overflow: hidden; }
.clock { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.clock .now { font-weight: 600; }
.clock input { width: 110px; border-radius: 6px; border: 0; padding: 3px 6px; }
.workspace { flex: 1; display: flex; min-height: 0; }
.people { width: 260px; background: #fff; border-left: 1px solid var(--line); overflow-y: auto; }
.people h2 { font-size: 14px; color: var(--muted); margin: 10px 12px 4px; }
.people a { display: block; padding: 8px 12px; text-decoration: none; color: var(--text); border-bottom: 1px solid #f1f4f3; }
.people a:hover, .people a.active { background: #e6f4ef; }
.people .role { display: block; font-size: 12px; color: var(--muted); }
.avatar { display: inline-flex; width: 30px; height: 30px; border-radius: 50%; background: var(--green); color: #fff; align-items: center; justify-content: center; margin-left: 8px; font-weight: 700; vertical-align: middle; }
.conversation { flex: 1; display: flex; flex-direction: column; min-width: 0; background: #d9e7e1; }
.tabs { display: flex; gap: 2px; background: #f7faf9; border-bottom: 1px solid var(--line); overflow-x: auto; }
.tabs a { padding: 8px 12px; white-space: nowrap; text-decoration: none; color: var(--text); border-bottom: 3px solid transparent; }
.tabs a.active { border-bottom-color: var(--green); font-weight: 600; }
.tabs .close { color: var(--muted); margin-right: 6px; }
.chat-head { background: #fff; padding: 6px 14px; border-bottom: 1px solid var(--line); }
.chat-head .role { color: var(--muted); font-size: 13px; }
.messages { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 6px; }
.msg .text { white-space: pre-wrap; }
.msg { max-width: min(560px, 85%); padding: 6px 10px 4px; border-radius: 12px; background: #fff; overflow-wrap: anywhere; box-shadow: 0 1px 1px rgba(0,0,0,.08); }
.msg.bot { align-self: flex-end; border-top-left-radius: 4px; }
.msg.me { align-self: flex-start; background: var(--out); border-top-right-radius: 4px; }
.msg .meta { display: flex; justify-content: space-between; gap: 8px; font-size: 11px; color: var(--muted); margin-top: 2px; }
.msg .meta button { background: none; border: 0; color: var(--green-dark); cursor: pointer; padding: 0; font-size: 11px; }
.msg .quote { border-right: 3px solid var(--green); padding: 0 6px; margin-bottom: 4px; font-size: 12px; color: var(--muted); background: rgba(0,0,0,.03); border-radius: 4px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.msg .file { display: inline-block; padding: 4px 8px; background: #f1f5f4; border-radius: 8px; margin-bottom: 4px; }
.msg .edited { font-style: italic; }
.keyboard { display: flex; flex-direction: column; gap: 4px; margin-top: 6px; }
.keyboard .row { display: flex; gap: 4px; }
.keyboard button, .keyboard a { flex: 1; background: #f0f7f4; color: var(--green-dark); border: 1px solid #cfe6dc; border-radius: 8px; padding: 4px 6px; cursor: pointer; font-size: 13px; text-align: center; text-decoration: none; }
.keyboard button:hover { background: #e0f0e9; }
.composer { background: #fff; border-top: 1px solid var(--line); padding: 6px 8px; }
.composer form { display: flex; gap: 6px; align-items: flex-end; margin: 0; }
.composer textarea { flex: 1; resize: none; border: 1px solid var(--line); border-radius: 18px; padding: 6px 12px; height: 38px; max-height: 120px; }
.composer .icon { background: #f0f7f4; border: 1px solid #cfe6dc; color: var(--green-dark); border-radius: 50%; width: 38px; height: 38px; cursor: pointer; flex: none; display: inline-flex; align-items: center; justify-content: center; }
.composer .send { background: var(--green); color: #fff; border: 0; border-radius: 50%; width: 38px; height: 38px; cursor: pointer; flex: none; }
.replying { display: none; font-size: 12px; color: var(--muted); padding: 2px 8px; }
.replying.on { display: flex; justify-content: space-between; }
.replying button { background: none; border: 0; cursor: pointer; color: var(--low); }
.menu { display: none; position: absolute; bottom: 56px; right: 8px; background: #fff; border-radius: 10px; box-shadow: 0 4px 16px rgba(0,0,0,.15); z-index: 5; min-width: 240px; }
.menu.on { display: block; }
.menu button { display: block; width: 100%; text-align: right; background: none; border: 0; padding: 8px 12px; cursor: pointer; }
.menu button:hover { background: #f0f7f4; }
.menu .cmd { color: var(--green-dark); font-weight: 600; margin-left: 8px; direction: ltr; unicode-bidi: isolate; }
.reply-keys { display: flex; flex-wrap: wrap; gap: 4px; padding: 4px 0; }
.reply-keys button { background: #f0f7f4; border: 1px solid #cfe6dc; border-radius: 8px; padding: 4px 10px; cursor: pointer; }
.composer-wrap { position: relative; }
.empty { margin: auto; color: var(--muted); text-align: center; padding: 24px; }
.toast { position: fixed; bottom: 80px; left: 50%; transform: translateX(-50%); background: #111827; color: #fff; padding: 6px 14px; border-radius: 8px; display: none; z-index: 10; }
.toast.on { display: block; }
@media (max-width: 700px) {
  .people { display: none; }
  .people.open { display: block; position: absolute; top: 0; bottom: 0; right: 0; z-index: 6; width: 80%; box-shadow: 0 0 20px rgba(0,0,0,.2); }
  .topbar { padding: 6px 8px; gap: 4px 8px; }
  .topbar .btn.light, .topbar .btn.danger { padding: 1px 7px; font-size: 12px; }
  .clock input { width: 90px; font-size: 12px; }
  .topbar h1 { font-size: 15px; }
  .msg { max-width: 92%; }
}
@media (min-width: 701px) { .people-toggle { display: none; } }
`;
