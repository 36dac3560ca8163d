// A province dashboard's calls, compiled by the build (tsc) against the generated types: if the API drops or renames what
// the page uses, the build fails here. Run it against the local run: node examples/dist/dashboard.js
import { createGovqmsClient, type Problem, type ScoringSchemas } from "@govqms/client";

const api = createGovqmsClient({
  baseUrls: {
    document: "http://127.0.0.1:8081",
    audit: "http://127.0.0.1:8082",
    scoring: "http://127.0.0.1:8083",
    notification: "http://127.0.0.1:8084",
  },
  // deploy/local/token province-admin --province 24; a page gets it from the identity provider
  token: () => process.env.GOVQMS_TOKEN ?? "",
});

/** "6 Xuất sắc (13,95 %)": counts and shares in the Vietnamese number format. */
export function describe(distribution: ScoringSchemas["BandDistribution"]): string[] {
  const percent = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (distribution.bands ?? []).map((b) => `${b.count} ${b.label} (${percent.format(Number(b.share))} %)`);
}

/** This year's bands of Bắc Ninh (24); with year 2014 Bắc Giang's 6/14/19/4 of 43. */
export async function bandsOfTheProvince(): Promise<string[]> {
  const { data, error } = await api.scoring.GET("/api/v1/rankings/distribution", {
    params: { query: { provinceCode: "24" } },
  });
  if (error) {
    throw new Error(describeProblem(error));
  }
  return describe(data);
}

export async function agenciesOfTheProvince(): Promise<string[]> {
  const { data, error } = await api.document.GET("/api/v1/agencies", {
    params: { query: { provinceCode: "24", q: "khoa hoc" } },
  });
  if (error) {
    throw new Error(describeProblem(error));
  }
  return (data.items ?? []).map((a) => `${a.code} ${a.name}`);
}

function describeProblem(problem: Problem): string {
  return `${problem.status} ${problem.title}: ${problem.detail ?? ""}`;
}

// live updates: a ticket per connection, resumed after the last event received
export function followScores(onScore: (data: unknown) => void) {
  return api.liveStream({ kinds: ["score.changed"], onEvent: (_kind, data) => onScore(data) });
}

if (process.env.GOVQMS_TOKEN) {
  console.log((await bandsOfTheProvince()).join("\n"));
  console.log((await agenciesOfTheProvince()).join("\n"));
}
