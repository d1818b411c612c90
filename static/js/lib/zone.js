// The device's time zone, sent to the server in a small cookie so that what it
// draws by the day (home's suggestion, /history's weeks, the checklist's date,
// a plan before its schedule is saved) follows this device's calendar. Only the
// zone's name travels; the server checks it against the real zone names.
export const ZONE_COOKIE = "zone";
// Browsers cap cookies at 400 days.
const MAX_AGE = 400 * 24 * 60 * 60;
// Zone names are letters, digits and _ + - / ("America/Port-au-Prince", "Etc/GMT+5").
const ZONE_NAME = /^[A-Za-z0-9_+\-/]{1,64}$/;

// The cookie to write for a zone, or null for a name that is no zone's.
export function zoneCookie(zone, secure) {
  if (typeof zone !== "string" || !ZONE_NAME.test(zone)) return null;
  return `${ZONE_COOKIE}=${zone}; Path=/; Max-Age=${MAX_AGE}; SameSite=Lax${secure ? "; Secure" : ""}`;
}

// Write the cookie when the device's zone is not the one already sent.
export function sendZone(doc = document) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (doc.cookie.split("; ").includes(`${ZONE_COOKIE}=${zone}`)) return;
  const cookie = zoneCookie(zone, doc.location?.protocol === "https:");
  if (cookie) doc.cookie = cookie;
}
