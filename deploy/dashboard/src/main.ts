// The reference province dashboard: what a province's steering committee opens. Every read goes through @govqms/client
// (typed from the services' OpenAPI documents), so a change of the API that breaks the page fails the build (tsc).
import { createGovqmsClient, type GovqmsClient, type Problem, type ScoringSchemas } from "@govqms/client";
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** config.json, served next to the page by whoever serves it (deploy/local/run --demo, the browser test). */
interface DashboardConfig {
  baseUrls: { document: string; audit: string; scoring: string; notification: string };
  /** A bearer token of the province's steering committee; in production the identity provider's. */
  token: string;
  provinceCode: string;
  /** The year of the official assessments shown; the latest finalised one by default. */
  year?: number;
}

const count = new Intl.NumberFormat("vi-VN");
const percent = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const score = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 1, maximumFractionDigits: 2 });
const time = new Intl.DateTimeFormat("vi-VN", { hour: "2-digit", minute: "2-digit", second: "2-digit" });
const BAND_COLOURS: Record<string, string> = {
  VERY_GOOD: "#1b7f3b", GOOD: "#4caf50", FAIR: "#f2b705", AVERAGE: "#e67e22", POOR: "#c0392b",
};
const FEED_KINDS = ["score.changed", "corrective-action.overdue", "procedure-review.overdue", "corrective-report.overdue",
  "activity.overdue"];
const FEED_LABELS: Record<string, string> = {
  "score.changed": "Điểm thay đổi",
  "corrective-action.overdue": "Hành động khắc phục quá hạn",
  "procedure-review.overdue": "Rà soát quy trình quá hạn",
  "corrective-report.overdue": "Báo cáo khắc phục quá hạn",
  "activity.overdue": "Hoạt động quá hạn",
};

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

function el(tag: string, text?: string | number, attrs: Record<string, string> = {}): HTMLElement {
  const e = document.createElement(tag);
  if (text !== undefined) {
    e.textContent = String(text);
  }
  Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
  return e;
}

function row(cells: (string | number)[], attrs: Record<string, string> = {}): HTMLElement {
  const tr = el("tr", undefined, attrs);
  cells.forEach((c) => tr.append(el("td", c)));
  return tr;
}

function fail(where: string, problem: Problem | unknown): never {
  const p = problem as Problem;
  throw new Error(`${where}: ${p?.status ?? ""} ${p?.title ?? String(problem)}${p?.detail ? ` (${p.detail})` : ""}`);
}

class Dashboard {
  private chart?: Chart;
  private names = new Map<string, string>();

  constructor(private readonly api: GovqmsClient, private readonly config: DashboardConfig, private year: number) {}

  async loadAll(): Promise<void> {
    await this.loadAgencyNames();
    await Promise.all([this.bands(), this.bottom(), this.liveRanking(), this.overdue(), this.campaign()]);
  }

  private name(agencyId: string | undefined): string {
    return (agencyId && this.names.get(agencyId)) ?? agencyId ?? "";
  }

  private async loadAgencyNames(): Promise<void> {
    for (let page = 0; page < 10; page++) {
      const { data, error } = await this.api.document.GET("/api/v1/agencies", {
        params: { query: { provinceCode: this.config.provinceCode, size: "200", page: String(page) } },
      });
      if (error) fail("Danh sách cơ quan", error);
      (data.items ?? []).forEach((a) => a.id && this.names.set(a.id, a.name ?? a.code ?? a.id));
      if ((page + 1) * 200 >= Number(data.total ?? 0)) break;
    }
  }

  /**
   * Names of agencies the page has not met yet (registered after it loaded, or outside the province's first 2,000):
   * read one by one from document-service, which owns them, so that a panel never shows a bare id.
   */
  private async ensureNames(ids: string[]): Promise<void> {
    await Promise.all(ids.filter((id) => !this.names.has(id)).map(async (id) => {
      const { data } = await this.api.document.GET("/api/v1/agencies/{id}", { params: { path: { id } } });
      if (data?.name) this.names.set(id, data.name);
    }));
  }

  /** Band distribution of the year's finalised official assessments: counts, shares (from the counts) and a chart. */
  async bands(): Promise<void> {
    const { data, error } = await this.api.scoring.GET("/api/v1/rankings/distribution", {
      params: { query: { provinceCode: this.config.provinceCode, year: this.year } },
    });
    if (error) fail("Phân loại", error);
    const bands = (data as ScoringSchemas["BandDistribution"]).bands ?? [];
    $("bands-title").textContent = `Xếp loại kết quả đánh giá chính thức năm ${this.year}`;
    $("bands-total").textContent = `${count.format(Number(data.total ?? 0))} cơ quan được chấm điểm`;
    const body = $("bands-body");
    body.replaceChildren(...bands.map((b) => {
      const tr = el("tr", undefined, { "data-band": b.band ?? "" });
      tr.append(el("td", b.label ?? b.band ?? ""), el("td", count.format(Number(b.count)), { class: "num count" }),
        el("td", `${percent.format(Number(b.share))} %`, { class: "num share" }));
      return tr;
    }));
    const labels = bands.map((b) => b.label ?? "");
    const values = bands.map((b) => Number(b.count));
    if (this.chart) {
      this.chart.data.labels = labels;
      this.chart.data.datasets[0]!.data = values;
      this.chart.update();
    } else {
      this.chart = new Chart($<HTMLCanvasElement>("bands-chart"), {
        type: "bar",
        data: { labels, datasets: [{ label: "Số cơ quan", data: values,
          backgroundColor: bands.map((b) => BAND_COLOURS[b.band ?? ""] ?? "#888") }] },
        options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { tooltip: { callbacks: {
          label: (c) => `${count.format(Number(c.raw))} cơ quan (${percent.format(Number(bands[c.dataIndex]?.share))} %)` } } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
      });
    }
  }

  async bottom(): Promise<void> {
    const { data, error } = await this.api.scoring.GET("/api/v1/rankings/bottom", {
      params: { query: { provinceCode: this.config.provinceCode, year: this.year, n: 10 } },
    });
    if (error) fail("10 cơ quan thấp nhất", error);
    $("bottom-body").replaceChildren(...(data.items ?? []).map((a) =>
      row([count.format(Number(a.rank)), a.agencyName ?? "", score.format(Number(a.score)), a.bandLabel ?? ""])));
  }

  /** The live ranking: this year's live scores, which move as indicators and dossiers arrive. */
  async liveRanking(): Promise<void> {
    const year = new Date().getFullYear();
    const { data, error } = await this.api.scoring.GET("/api/v1/rankings", {
      params: { query: { provinceCode: this.config.provinceCode, year, source: "LIVE", size: "20" } },
    });
    if (error) fail("Xếp hạng trực tiếp", error);
    $("live-title").textContent = `Xếp hạng trực tiếp năm ${year}`;
    const items = data.items ?? [];
    $("live-body").replaceChildren(...(items.length ? items.map((a) =>
      row([count.format(Number(a.rank)), a.agencyName ?? "", score.format(Number(a.score)), a.bandLabel ?? ""]))
      : [row(["", "Chưa có điểm trực tiếp", "", ""])]));
  }

  /** Overdue procedure reviews and corrective actions, counted per agency. */
  async overdue(): Promise<void> {
    const perAgency = new Map<string, { reviews: number; actions: number }>();
    const entry = (id: string) => perAgency.get(id) ?? perAgency.set(id, { reviews: 0, actions: 0 }).get(id)!;
    for (let page = 0; page < 10; page++) {
      const { data, error } = await this.api.audit.GET("/api/v1/corrective-actions", {
        params: { query: { overdue: true, size: "200", page: String(page) } },
      });
      if (error) fail("Hành động khắc phục quá hạn", error);
      (data.items ?? []).forEach((a) => a.agencyId && entry(a.agencyId).actions++);
      if ((page + 1) * 200 >= Number(data.total ?? 0)) break;
    }
    const today = new Date().toISOString().slice(0, 10);
    for (let page = 0; page < 10; page++) {
      const { data, error } = await this.api.document.GET("/api/v1/review-tasks", { params: { query: { size: "200", page: String(page) } } });
      if (error) fail("Rà soát quy trình quá hạn", error);
      (data.items ?? []).filter((t) => !t.resolvedAt && (t.overdueAt || (t.dueDate && String(t.dueDate) < today)))
        .forEach((t) => t.agencyId && entry(t.agencyId).reviews++);
      if ((page + 1) * 200 >= Number(data.total ?? 0)) break;
    }
    await this.ensureNames([...perAgency.keys()]);
    const rows = [...perAgency.entries()].sort((a, b) => (b[1].reviews + b[1].actions) - (a[1].reviews + a[1].actions));
    let actions = 0;
    rows.forEach(([, v]) => (actions += v.actions));
    $("overdue-actions-total").textContent = count.format(actions);
    $("overdue-body").replaceChildren(...(rows.length ? rows.map(([id, v]) =>
      row([this.name(id), count.format(v.reviews), count.format(v.actions)], { "data-agency": id }))
      : [row(["Không có việc quá hạn", "", ""])]));
  }

  /** The newest inspection campaign of the province and how far it got. */
  async campaign(): Promise<void> {
    const { data, error } = await this.api.audit.GET("/api/v1/inspection-campaigns", {
      params: { query: { provinceCode: this.config.provinceCode, size: "1" } },
    });
    if (error) fail("Đợt kiểm tra", error);
    const summary = data.items?.[0];
    if (!summary?.id) {
      $("campaign").replaceChildren(el("p", "Chưa có đợt kiểm tra nào."));
      return;
    }
    const { data: c, error: e } = await this.api.audit.GET("/api/v1/inspection-campaigns/{id}", {
      params: { path: { id: summary.id } },
    });
    if (e) fail("Đợt kiểm tra", e);
    const p = c.progress ?? {};
    const total = Number(p.total ?? 0);
    const done = Number(p.inspected ?? 0);
    const bar = el("progress", undefined, { max: String(Math.max(total, 1)), value: String(done) });
    $("campaign").replaceChildren(
      el("p", `${c.title ?? ""} (${c.decisionNumber ?? ""}, ${c.statusLabel ?? ""})`),
      bar,
      el("p", `Đã kiểm tra ${count.format(done)}/${count.format(total)} cơ quan (${percent.format(total ? (100 * done) / total : 0)} %): `
        + `trực tiếp ${count.format(Number(p.inspectedOnSite ?? 0))}/${count.format(Number(p.onSite ?? 0))}, `
        + `qua hồ sơ ${count.format(Number(p.inspectedRecords ?? 0))}/${count.format(Number(p.records ?? 0))}`),
    );
  }

  /** A line in the live feed, and the panels the event changes read again. */
  async onEvent(kind: string, data: unknown): Promise<void> {
    // the stream's item: the event's kind and agency, with its Vietnamese title and what happened (notification-service)
    const d = data as { title?: string; happened?: string; agencyId?: string; agencyName?: string };
    const agency = d.agencyName ?? this.name(d.agencyId);
    const li = el("li", undefined, { "data-kind": kind, title: d.happened ?? "" });
    li.append(el("time", time.format(new Date())), el("strong", FEED_LABELS[kind] ?? kind),
      el("span", `: ${d.title ?? ""}${agency ? ` (${agency})` : ""}`));
    $("feed").prepend(li);
    $("feed-count").textContent = count.format($("feed").children.length);
    // an overdue item lowers live scores, and a score moves when something went overdue: both are read again
    await Promise.all([this.refresh("scores"), this.refresh("overdue")]);
  }

  private pending = new Set<"scores" | "overdue">();
  private refreshing?: Promise<void>;

  /** Reads the panels an event changed again, once for a burst of events (a reload a second at most). */
  private refresh(what: "scores" | "overdue"): Promise<void> {
    this.pending.add(what);
    this.refreshing ??= new Promise<void>((resolve) => setTimeout(resolve, 1000)).then(async () => {
      const due = new Set(this.pending);
      this.pending.clear();
      this.refreshing = undefined;
      await Promise.all([
        ...(due.has("scores") ? [this.bands(), this.bottom(), this.liveRanking()] : []),
        ...(due.has("overdue") ? [this.overdue()] : []),
      ]);
    });
    return this.refreshing;
  }
}

/** The year of the latest finalised official assessment in the caller's province, or this year. */
async function latestOfficialYear(api: GovqmsClient): Promise<number> {
  const { data } = await api.scoring.GET("/api/v1/assessments", {
    params: { query: { kind: "OFFICIAL", status: "FINALISED", size: "1" } },
  });
  return Number(data?.items?.[0]?.year ?? new Date().getFullYear());
}

async function main(): Promise<void> {
  const status = $("status");
  try {
    const config = (await (await fetch("config.json", { cache: "no-store" })).json()) as DashboardConfig;
    const api = createGovqmsClient({ baseUrls: config.baseUrls, token: () => config.token });
    const year = config.year ?? (await latestOfficialYear(api));
    const dashboard = new Dashboard(api, config, year);
    $("province").textContent = config.provinceCode;
    await dashboard.loadAll();
    api.liveStream({
      kinds: FEED_KINDS,
      onEvent: (kind, data) => void dashboard.onEvent(kind, data).catch((e) => (status.textContent = String(e))),
      onError: () => (status.textContent = "Luồng trực tiếp bị ngắt, đang kết nối lại …"),
    });
    status.textContent = `Đã cập nhật lúc ${time.format(new Date())}; đang theo dõi luồng trực tiếp`;
    document.body.dataset.ready = "true";
  } catch (e) {
    status.textContent = `Lỗi: ${e instanceof Error ? e.message : String(e)}`;
    document.body.dataset.ready = "error";
  }
}

void main();
