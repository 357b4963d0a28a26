// The dashboard in a real browser (Debian's Chromium, headless), against `gep serve` over a
// sandbox account: sign-in, the overview, the risk table (sort, filter, pages), a risk detail
// and its JobNimbus link, the hostile job name, sign-out. axe-core checks every page, and a
// dialog (an injected script running) fails the run. Screenshots go to SCREENSHOTS.
// GEP_URL, GEP_USER and GEP_PASSWORD name the server and a staff account.
import { readFileSync, mkdirSync } from "node:fs";
import { createServer } from "node:http";
import { execFileSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const base = process.env.GEP_URL;
const screenshots = process.env.SCREENSHOTS || "build/screenshots";
mkdirSync(screenshots, { recursive: true });

let failures = 0;
const results = [];
function check(description, ok, detail = "") {
  if (!ok) failures++;
  results.push(`${ok ? "ok  " : "FAIL"} - ${description}${ok || !detail ? "" : `: ${detail}`}`);
  console.log(results[results.length - 1]);
}

// No serious or critical axe violation on the page as it is now.
async function accessible(page, name) {
  await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const report = await globalThis.axe.run(document, { resultTypes: ["violations"] });
    return report.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0].target.join(" ")}`);
  });
  check(`${name} has no serious or critical accessibility violation`, found.length === 0, found.join("; "));
}

// Every <img> of `scope` (a page or a frame) loaded a real picture: its lazy images are asked for
// now, then each must decode to a non-zero width. Answers how many there were.
async function imagesLoaded(scope, description, selector = ".photo img") {
  const images = scope.locator(selector);
  const count = await images.count();
  await images.evaluateAll((all) => all.forEach((img) => { img.loading = "eager"; }));
  const widths = await images.evaluateAll((all) => Promise.all(all.map((img) =>
    img.decode().then(() => img.naturalWidth, () => 0))));
  check(description, count > 0 && widths.every((w) => w > 0), `${count} images, widths ${widths.join(",")}`);
  return count;
}

async function signIn(page) {
  await page.goto(`${base}/risk?level=HIGH`);
  check("a page without a session opens the sign-in form", new URL(page.url()).pathname === "/login");
  await accessible(page, "the sign-in page");
  await page.getByLabel("Username").fill(process.env.GEP_USER);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  check("a wrong password is said on the form",
        (await page.getByRole("alert").textContent()).includes("Wrong username or password"));
  await page.getByLabel("Password").fill(process.env.GEP_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  const landed = new URL(page.url());
  check("signing in returns to the page asked for", landed.pathname === "/risk" &&
        landed.searchParams.get("level") === "HIGH", page.url());
}

async function overview(page) {
  await page.goto(`${base}/`);
  check("the overview has its heading", await page.getByRole("heading", { name: "Overview" }).isVisible());
  const charts = await page.locator("svg.chart").count();
  check("the overview draws its charts", charts >= 4, `${charts} charts`);
  const lead = await page.locator(".lead").textContent();
  check("the overview says how many jobs there are and when the last sync was",
        /\d+ active jobs\. Last sync: (jobs|contacts|files) at /.test(lead), lead);
  await accessible(page, "the overview");
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.screenshot({ path: `${screenshots}/overview.png`, fullPage: true });
}

async function levelsShown(page) {
  return page.locator("table.risk tbody tr td:first-child .badge").allTextContents();
}

// Columns of the risk table, 1-based: level, number, name, customer, status, days, reasons, ...
const riskColumn = { name: 3, customer: 4, status: 5, days: 6 };

async function cells(page, column) {
  return (await page.locator(`table.risk tbody tr td:nth-child(${column})`).allTextContents()).map((t) => t.trim());
}

// A header click re-sorts in place (tables.js): the address follows, the page is not reloaded
// (a marker set on the window survives), and the live region says what happened.
async function sortBy(page, label, sortValue) {
  await page.evaluate(() => { window.gepNoReload = true; });
  await page.locator("table.risk thead a", { hasText: label }).click();
  await page.waitForFunction((value) => new URL(location.href).searchParams.get("sort") === value &&
    document.querySelector("th[aria-sort]") !== null &&
    new URL(document.querySelector("th[aria-sort] a").href).searchParams.get("sort") !== value, sortValue);
  return page.evaluate(() => window.gepNoReload === true);
}

async function riskTable(page) {
  await page.goto(`${base}/risk`);
  await accessible(page, "the risk table");
  await page.screenshot({ path: `${screenshots}/risk-table.png`, fullPage: true });
  const inPlace = await sortBy(page, "Name", "jobName");
  check("a click on Name re-sorts the table without a reload", inPlace);
  const names = await cells(page, riskColumn.name);
  const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  check("the Name header says it is sorted ascending",
        (await page.locator("th", { hasText: "Name" }).getAttribute("aria-sort")) === "ascending");
  check("only the sorted header carries aria-sort", (await page.locator("th[aria-sort]").count()) === 1);
  check("rows arrive in name order", names.length > 0 && JSON.stringify(names) === JSON.stringify(sorted),
        names.slice(0, 5).join(" | "));
  await page.waitForFunction(() => document.getElementById("announce").textContent.startsWith("Sorted by Name"));
  check("the re-sort is announced in a live region",
        (await page.locator("#announce").textContent()).includes("ascending"));
  await sortBy(page, "Customer", "customer");
  const customers = await cells(page, riskColumn.customer);
  check("a click on Customer sorts by customer", customers.length > 0 &&
        customers.every((c, i) => i === 0 || customers[i - 1] <= c), customers.slice(0, 4).join(" | "));
  await sortBy(page, "Days in status", "-daysInStatus");
  const days = (await cells(page, riskColumn.days)).filter((d) => d !== "").map(Number);
  check("a click on Days in status puts the longest first", days.length > 0 &&
        days.every((d, i) => i === 0 || days[i - 1] >= d), days.slice(0, 6).join(","));
  await page.reload();
  check("a re-sorted view survives a reload (it lives in the URL)",
        (await page.locator("th", { hasText: "Days in status" }).getAttribute("aria-sort")) === "descending");
  await sortBy(page, "Name", "jobName");
  await page.getByLabel("Level").selectOption("MEDIUM");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get("level") === "MEDIUM");
  await page.waitForLoadState();
  const url = new URL(page.url());
  check("the level filter lives in the URL, with the order kept",
        url.searchParams.get("level") === "MEDIUM" && url.searchParams.get("sort") === "jobName");
  const levels = await levelsShown(page);
  check("the filter shows only MEDIUM jobs", levels.length > 0 && levels.every((l) => l === "MEDIUM"),
        levels.join(","));
  const status = (await cells(page, riskColumn.status))[0];
  await page.getByLabel("Level").selectOption("");
  await page.getByLabel("Status").fill(status);
  await page.getByLabel("Search").fill("");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForFunction((s) => new URL(location.href).searchParams.get("status") === s, status);
  const statuses = await cells(page, riskColumn.status);
  check("the status filter shows only that status", statuses.length > 0 && statuses.every((s) => s === status),
        `${status}: ${statuses.slice(0, 4).join(",")}`);
  const customer = (await cells(page, riskColumn.customer))[0];
  await page.getByLabel("Status").fill("");
  await page.getByLabel("Search").fill(customer);
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForFunction((q) => new URL(location.href).searchParams.get("q") === q, customer);
  const found = await cells(page, riskColumn.customer);
  check("the search finds the customer's jobs", found.length > 0 && found.includes(customer),
        `${customer}: ${found.slice(0, 4).join(",")}`);
  await accessible(page, "the filtered risk table");
  await page.goto(`${base}/risk`);
  const first = await cells(page, riskColumn.name);
  await page.getByRole("link", { name: "Next page" }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.has("after"));
  const second = await cells(page, riskColumn.name);
  check("the next page shows other jobs", second.length > 0 && first.join() !== second.join());
  check("the next page is addressed by a cursor", new URL(page.url()).searchParams.has("after"));
}

async function riskDetail(page) {
  await page.goto(`${base}/risk?level=HIGH`);
  const link = page.locator("table.risk tbody tr td:nth-child(3) a").first();
  const name = await link.textContent();
  await link.click();
  check("a row opens the job's risk detail", /^\/risk\/\d+$/.test(new URL(page.url()).pathname));
  check("the detail page is the job's", (await page.getByRole("heading", { level: 1 }).textContent()) === name);
  check("the detail page lists the reasons", (await page.locator("ul.reasons li").count()) > 0);
  const jobnimbus = page.getByRole("link", { name: /Open in JobNimbus/ });
  const href = await jobnimbus.getAttribute("href");
  check("the JobNimbus link goes to the job in JobNimbus", /^https:\/\/app\.jobnimbus\.com\/job\/\w+$/.test(href), href);
  check("the JobNimbus link opens a new tab without an opener",
        (await jobnimbus.getAttribute("target")) === "_blank" &&
        (await jobnimbus.getAttribute("rel")).includes("noopener"));
  await accessible(page, "the risk detail");
  await page.screenshot({ path: `${screenshots}/risk-detail.png`, fullPage: true });
  await page.getByRole("button", { name: "Re-evaluate now" }).click();
  check("re-evaluating comes back to the same job", (await page.getByRole("heading", { level: 1 }).textContent()) === name);
}

// The sandbox gives some customers names such as <script>alert('xss')</script>: they must show
// as text wherever a job lists them.
async function hostileName(page) {
  let path = "/risk?sort=jobName";
  let shown = false;
  for (let pages = 0; path && pages < 40 && !shown; pages++) {
    await page.goto(`${base}${path}`);
    const cells = await page.locator("table.risk tbody td").allTextContents();
    shown = cells.some((text) => text.includes("<script>"));
    const next = page.getByRole("link", { name: "Next page" });
    path = (await next.count()) > 0 ? await next.getAttribute("href") : "";
  }
  check("a job named <script>… shows as text", shown);
  check("no page holds an injected script element",
        (await page.locator("main script").count()) === 0);
}

async function qcPages(page) {
  await page.goto(`${base}/qc`);
  await accessible(page, "the QC table");
  await page.getByLabel("QC status").selectOption("FAIL");
  await page.getByRole("button", { name: "Apply" }).click();
  const statuses = await page.locator("table.qc tbody td:nth-child(2)").allTextContents();
  check("the QC filter shows only failed jobs", statuses.length > 0 && statuses.every((s) => s === "Fail"),
        statuses.join(","));
  await page.locator("table.qc tbody td:first-child a").first().click();
  check("a QC row opens the job's photo check", /^\/qc\/\d+$/.test(new URL(page.url()).pathname));
  const sections = await page.locator("main h2").allTextContents();
  check("the photo check groups photos by category",
        ["Before", "During", "After"].every((c) => sections.some((s) => s.startsWith(c))), sections.join(","));
  check("a failed check says what is missing", await page.getByRole("heading", { name: "Missing" }).isVisible());
  const reasons = await page.locator(".photo .why").count();
  check("every photo says why it was classified so", reasons > 0 &&
        reasons === (await page.locator(".photo").count()));
  await imagesLoaded(page, "the QC grid's thumbnails load through /media");
  const sources = await page.locator(".photo img").evaluateAll((all) => all.map((img) => img.getAttribute("src")));
  check("no thumbnail hot-links JobNimbus", sources.every((src) => src.startsWith("/media/files/")), sources[0]);
  await accessible(page, "the photo check");
  await page.screenshot({ path: `${screenshots}/qc-grid.png`, fullPage: true });
}

async function syncPage(page) {
  await page.goto(`${base}/sync`);
  await accessible(page, "the sync page");
  const connection = await page.locator("#sync-connection").textContent();
  check("the sync page shows JobNimbus's connection health",
        /OK Connected: JobNimbus answered at \d{4}-\d\d-\d\d \d\d:\d\d UTC\./.test(connection.trim()),
        connection);
  // sync.js posts in the background and follows /api/v1/sync/status: the page is not reloaded.
  await page.evaluate(() => { window.gepSamePage = true; });
  await page.getByRole("button", { name: "Sync jobs" }).click();
  await page.waitForFunction(() => /Sync finished/.test(document.getElementById("announce").textContent),
                             null, { timeout: 30000 });
  check("a sync from the page runs without leaving it",
        await page.evaluate(() => window.gepSamePage === true) && new URL(page.url()).pathname === "/sync");
  const activity = await page.locator("#sync-activity").textContent();
  check("when the run ends the page says nothing is running", activity.trim() === "No sync is running.",
        activity);
  check("and its buttons can be pressed again",
        await page.getByRole("button", { name: "Sync jobs" }).isEnabled());
  const first = await page.locator("table.sync-log tbody tr").first().locator("td").allTextContents();
  check("the sync log's newest line is the run just made",
        first[2] === "jobs" && first[3] === "dashboard" && first[4] === "SUCCESS", first.join(" | "));
  await page.screenshot({ path: `${screenshots}/sync.png`, fullPage: true });

  await page.getByLabel("Result").selectOption("SUCCESS");
  await page.getByRole("button", { name: "Show" }).click();
  await page.waitForURL(/status=SUCCESS/);
  const results = await page.locator("table.sync-log tbody tr td:nth-child(5)").allTextContents();
  check("the log's result filter keeps only successful runs, in the address bar",
        results.length > 0 && results.every((text) => text.trim() === "SUCCESS"), results.join(","));
  await accessible(page, "the filtered sync log");
}

// A page of another site that frames a panel, as JobNimbus does, and logs the heights the
// panel posts. Served on `port`; the panel's origin allow-list decides whether it may.
function hostPage(port, panelUrl) {
  const html = `<!doctype html><html lang="en"><head><title>host</title></head><body>
<h1>JobNimbus job</h1><iframe id="panel" title="gep panel" src="${panelUrl}" style="width:360px;border:0"></iframe>
<script>window.heights=[];addEventListener("message",e=>{if(e.data&&e.data.type==="gep:panel-height"){
heights.push(e.data.height);document.getElementById("panel").style.height=e.data.height+"px";}});</script></body></html>`;
  const server = createServer((request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(html);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

async function embedLink(jobId, panelType) {
  const answer = await fetch(`${base}/api/v1/embed/links`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "x-internal-api-key": process.env.GEP_INTERNAL_KEY },
    body: JSON.stringify({ jobId, panelType }),
  });
  const url = new URL((await answer.json()).url);
  return `${base}${url.pathname}${url.search}`;
}

async function embeddedPanels(browser) {
  const jobs = await (await fetch(`${base}/api/v1/risk/jobs?limit=1&level=HIGH`,
    { headers: { "x-internal-api-key": process.env.GEP_INTERNAL_KEY } })).json();
  const jobId = jobs[0].jobId;
  const allowed = await hostPage(Number(process.env.ALLOWED_HOST_PORT), await embedLink(jobId, "QC_PANEL"));
  const other = await hostPage(Number(process.env.OTHER_HOST_PORT), await embedLink(jobId, "QC_PANEL"));
  try {
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    await page.goto(`http://127.0.0.1:${process.env.ALLOWED_HOST_PORT}/`);
    const frame = page.frameLocator("#panel");
    await frame.locator("h1").waitFor();
    check("an allowed origin shows the QC panel in its iframe",
          (await frame.locator("h1").textContent()).startsWith("Photo QC"));
    await page.waitForFunction(() => window.heights.length > 0);
    await imagesLoaded(frame, "the QC panel's thumbnails load through signed /media URLs");
    const heights = await page.evaluate(() => window.heights);
    check("the panel posts its content's height to the host page", heights.every((h) => h > 50), heights.join(","));
    await page.locator("#panel").screenshot({ path: `${screenshots}/panel-qc-360.png` });
    await page.goto(`http://127.0.0.1:${process.env.OTHER_HOST_PORT}/`);
    await page.waitForTimeout(500);
    const refusedFrame = page.frames().find((f) => f !== page.mainFrame());
    const heading = refusedFrame ? await refusedFrame.locator("h1").allTextContents() : [];
    check("another origin cannot frame the panel", !heading.some((h) => h.startsWith("Photo QC")),
          `${refusedFrame ? refusedFrame.url() : "no frame"}: ${heading.join(",")}`);
    for (const [panelType, name] of [["RISK_VIEW", "risk"], ["CUSTOMER_PORTAL_VIEW", "portal"]]) {
      const panel = await browser.newPage({ viewport: { width: 360, height: 800 } });
      await panel.goto(await embedLink(jobId, panelType));
      check(`the ${name} panel opens from its link`, (await panel.locator("h1").count()) === 1);
      await accessible(panel, `the ${name} panel`);
      await panel.screenshot({ path: `${screenshots}/panel-${name}-360.png`, fullPage: true });
      await panel.close();
    }
    const refused = await browser.newPage();
    const answer = await refused.goto(`${base}/embed/qc?token=not-a-token`);
    check("an invalid panel link answers 401 with a page that says so", answer.status() === 401 &&
          (await refused.getByRole("heading", { level: 1 }).textContent()) === "This link is not valid");
    await accessible(refused, "the refused-panel page");
    await refused.close();
    await expiredPanel(browser, jobId);
    await page.close();
  } finally {
    allowed.close();
    other.close();
  }
}

// The jobs list's search, a job's page, and a note queued from it: the page says queued, then
// delivered once the outbox worker sent it; the sandbox's write log holds it exactly once.
async function jobsAndNote(page) {
  await page.goto(`${base}/jobs`);
  await accessible(page, "the jobs list");
  await page.screenshot({ path: `${screenshots}/jobs.png`, fullPage: true });
  const name = (await page.locator("table.jobs tbody tr td:nth-child(2) a").first().textContent()).trim();
  await page.getByLabel("Search").fill(name);
  await page.getByRole("button", { name: "Search" }).click();
  check("the jobs search finds a job by its name",
        (await page.locator("table.jobs tbody tr td:nth-child(2) a").allTextContents()).some((n) => n.trim() === name), name);
  await page.locator("table.jobs tbody tr td:nth-child(2) a").first().click();
  check("a row opens the job's page", /^\/jobs\/\d+$/.test(new URL(page.url()).pathname));
  const text = `Browser test note ${Date.now()}`;
  await page.getByRole("textbox", { name: "Note" }).fill(text);
  await page.getByRole("button", { name: "Add note" }).click();
  check("the page says the note is queued", (await page.getByRole("status").allTextContents()).some((t) => t.includes("Queued for JobNimbus")));
  let delivered = false;
  for (let tries = 0; tries < 40 && !delivered; tries++) {
    delivered = (await page.locator("table.writebacks tbody tr").first().textContent()).includes("Delivered");
    if (!delivered) { await page.waitForTimeout(250); await page.reload(); }
  }
  check("the note shows as delivered on the job's page", delivered);
  const log = new URL("/sandbox/writes", process.env.JOBNIMBUS_BASE_URL);
  const writes = await (await fetch(log,
    { headers: { Authorization: `Bearer ${process.env.JOBNIMBUS_API_KEY}` } })).json();
  const ours = (writes.writes || []).filter((w) => JSON.stringify(w.request).includes(text));
  check("the sandbox's write log holds the note exactly once", ours.length === 1, `${ours.length} of ${writes.count}`);
  await accessible(page, "the job page");
  await page.screenshot({ path: `${screenshots}/job.png`, fullPage: true });
}

// A panel link whose token expired: the same claims, signed with the same secret, `exp` past.
async function expiredPanel(browser, jobId) {
  const url = new URL(await embedLink(jobId, "RISK_VIEW"));
  const [header, payload] = url.searchParams.get("token").split(".");
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
  claims.iat = Math.floor(Date.now() / 1000) - 7200;
  claims.exp = Math.floor(Date.now() / 1000) - 3600;
  const body = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
  const signature = createHmac("sha256", process.env.EMBED_SIGNING_SECRET).update(body).digest("base64url");
  url.searchParams.set("token", `${body}.${signature}`);
  const page = await browser.newPage({ viewport: { width: 360, height: 640 } });
  const answer = await page.goto(url.toString());
  const heading = await page.getByRole("heading", { level: 1 }).textContent();
  check("an expired panel link answers 401 with a page that says it expired",
        answer.status() === 401 && /expired/i.test(heading), `${answer.status()} ${heading}`);
  await accessible(page, "the expired-panel page");
  await page.screenshot({ path: `${screenshots}/panel-expired-360.png`, fullPage: true });
  await page.close();
}

async function internalGet(path) {
  return (await fetch(`${base}${path}`, { headers: { "x-internal-api-key": process.env.GEP_INTERNAL_KEY } })).json();
}

// A homeowner's magic link (gep portal invite prints it when no SMTP server is set), their
// projects, one project's stage tracker, and another customer's project answering not found.
async function customerPortal(browser) {
  // A job whose photo check passed has photos the portal shares (AFTER and DURING).
  const passed = await internalGet("/api/v1/qc/jobs?limit=20&status=PASS");
  let contact = "";
  for (const row of passed) {
    const job = await internalGet(`/api/v1/jobs/${row.jobId}`);
    if (job.contacts && job.contacts.length > 0) { contact = job.contacts[0].jobNimbusId; break; }
  }
  check("a job with a contact is found for the portal", contact !== "");
  const printed = execFileSync(process.env.GEP_BINARY, ["portal", "invite", "--contact", contact], { encoding: "utf8" });
  const token = (printed.match(/token=([A-Za-z0-9_-]+)/) || [])[1];
  check("gep portal invite prints a sign-in link", Boolean(token));
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${base}/portal/login?token=${token}`);
  await page.getByRole("button").first().click();
  check("the magic link signs the customer in to their projects", new URL(page.url()).pathname === "/portal/" &&
        (await page.getByRole("heading", { name: "Your projects" }).isVisible()));
  await accessible(page, "the portal's project list");
  const own = await page.locator(".project-list a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  check("the customer sees at least one project", own.length > 0);
  await page.locator(".project-list a").first().click();
  check("a project shows where it is", (await page.locator("ol.stages li").count()) >= 5 &&
        (await page.locator('ol.stages li[aria-current="step"]').count()) === 1);
  await accessible(page, "the portal's project page");
  for (const href of own) {
    await page.goto(`${base}${href}`);
    if ((await page.locator(".photo img").count()) > 0) break;
  }
  await imagesLoaded(page, "the customer's shared photos load through the portal's file route");
  await page.screenshot({ path: `${screenshots}/portal-390.png`, fullPage: true });
  const all = await internalGet("/api/v1/jobs?limit=50");
  const theirs = all.jobs.map((j) => `/portal/jobs/${j.id}`).find((href) => !own.includes(href));
  const answer = await page.goto(`${base}${theirs}`);
  check("another customer's project answers not found", answer.status() === 404 &&
        (await page.getByRole("heading", { level: 1 }).textContent()) === "We could not find that project");
  await page.goto(`${base}/portal/login?token=${token}`);
  await page.getByRole("button").first().click();
  check("a used link explains and says whom to ask", new URL(page.url()).pathname === "/portal/link-expired" &&
        (await page.getByRole("heading", { level: 1 }).textContent()) === "This sign-in link has expired");
  await accessible(page, "the expired-link page");
  await page.close();
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  const page = await browser.newPage();
  const dialogs = [];
  page.on("dialog", async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  const errors = [];
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  await signIn(page);
  errors.length = 0;  // the wrong password's 401 was on purpose
  await overview(page);
  await riskTable(page);
  await riskDetail(page);
  await hostileName(page);
  await qcPages(page);
  await syncPage(page);
  await jobsAndNote(page);
  await embeddedPanels(browser);
  await customerPortal(browser);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto(`${base}/`);
  check("after signing out, pages ask to sign in again", new URL(page.url()).pathname === "/login");
  check("no injected script ran (no dialog opened)", dialogs.length === 0, dialogs.join("; "));
  check("the browser reported no error (CSP or script)", errors.length === 0, errors.slice(0, 3).join("; "));
} catch (error) {
  check("the scenarios ran to the end", false, error.stack);
} finally {
  await browser.close();
}
console.log(`${results.length - failures} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
