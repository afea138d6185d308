/**
 * A short, human name for this phone from its user agent, so a coordinator
 * revoking a lost phone can tell them apart: "Android 12 · Chrome 120",
 * "iPhone · Safari 17", "WeChat · Android 13".
 */
export function deviceNameFromUserAgent(ua: string): string {
  const os =
    match(ua, /Android (\d+)/, (v) => `Android ${v}`) ??
    (/\biPhone\b/.test(ua) ? 'iPhone' : null) ??
    (/\biPad\b/.test(ua) ? 'iPad' : null) ??
    (/HarmonyOS/i.test(ua) ? 'HarmonyOS' : null) ??
    (/Windows/.test(ua) ? 'Windows' : null) ??
    (/Mac OS X/.test(ua) ? 'Mac' : null) ??
    (/Linux/.test(ua) ? 'Linux' : null) ??
    'Web';
  const browser =
    match(ua, /MicroMessenger\/(\d+)/, (v) => `WeChat ${v}`) ??
    match(ua, /HuaweiBrowser\/(\d+)/, (v) => `Huawei ${v}`) ??
    match(ua, /MiuiBrowser\/(\d+)/, (v) => `MIUI ${v}`) ??
    match(ua, /UCBrowser\/(\d+)/, (v) => `UC ${v}`) ??
    match(ua, /EdgA?\/(\d+)/, (v) => `Edge ${v}`) ??
    match(ua, /Firefox\/(\d+)/, (v) => `Firefox ${v}`) ??
    match(ua, /(?:Chrome|CriOS)\/(\d+)/, (v) => `Chrome ${v}`) ??
    match(ua, /Version\/(\d+).*Safari/, (v) => `Safari ${v}`);
  const name = browser ? `${os} · ${browser}` : os;
  return name.slice(0, 100);
}

function match(ua: string, re: RegExp, format: (v: string) => string): string | null {
  const m = re.exec(ua);
  return m?.[1] ? format(m[1]) : null;
}
