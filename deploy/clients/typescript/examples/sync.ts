// An officer's app that works offline: the sync loop over a feed, conditional re-reads, and a batch of checklist answers
// made offline. Compiled by the build (tsc) against the generated types, like dashboard.ts.
import { createGovqmsClient, type AuditSchemas, type DocumentSchemas } from "@govqms/client";

const api = createGovqmsClient({
  baseUrls: {
    document: "http://127.0.0.1:8081",
    audit: "http://127.0.0.1:8082",
    scoring: "http://127.0.0.1:8083",
    notification: "http://127.0.0.1:8084",
  },
  // deploy/local/token iso-officer --agency <id>; an app gets it from the identity provider
  token: () => process.env.GOVQMS_TOKEN ?? "",
});

type DocumentView = DocumentSchemas["ControlledDocument"];

/** What the app keeps between syncs: the items by id, and where the last sync stopped. */
export interface LocalStore {
  documents: Map<string, DocumentView>;
  documentsToken?: string;
}

/** Applies every change since the stored token, page after page, then keeps the new token. */
export async function syncDocuments(store: LocalStore): Promise<number> {
  let since = store.documentsToken;
  let applied = 0;
  for (;;) {
    const { data, error } = await api.document.GET("/api/v1/documents/changes", {
      params: { query: { since, size: "200" } },
    });
    if (error) {
      throw new Error(`${error.status} ${error.title}: ${error.detail ?? ""}`);
    }
    for (const change of data.changes ?? []) {
      if (change.deleted) {
        store.documents.delete(change.id!);           // deleted, or moved to an agency out of reach
      } else {
        store.documents.set(change.id!, change.item!);
      }
      applied++;
    }
    since = data.next;
    store.documentsToken = since;                     // keep it after each page: a cut connection resumes here
    if (!data.more) {
      return applied;
    }
  }
}

/** Re-reads one document only if it changed: 304 (no body) while the ETag the app holds is current. */
export async function refresh(id: string, etag: string | undefined): Promise<{ document?: DocumentView; etag?: string }> {
  const { data, response } = await api.document.GET("/api/v1/documents/{id}", {
    params: { path: { id } },
    headers: etag ? { "If-None-Match": etag } : {},
  });
  if (response.status === 304) {
    return { etag };
  }
  return { document: data, etag: response.headers.get("ETag") ?? undefined };
}

/** Sends the answers made offline, each with the item's version as downloaded; returns the items to look at again. */
export async function uploadAnswers(auditId: string, answers: AuditSchemas["ChecklistBatch"]["answers"]): Promise<number[]> {
  const { data, error } = await api.audit.POST("/api/v1/audits/{id}/checklist/answers", {
    params: { path: { id: auditId } },
    body: { answers },
  });
  if (error) {
    throw new Error(`${error.status} ${error.title}`);  // 403 not on the team, 409 audit not in progress: nothing applied
  }
  // 412: answered meanwhile (result.item is the current one), 404: no such item; the others were applied
  return (data.results ?? []).filter((r) => r.status !== 200).map((r) => r.no!);
}
