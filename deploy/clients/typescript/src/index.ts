/**
 * @govqms/client: the four GovQMS services, typed from their OpenAPI documents (openapi-typescript) and called with
 * openapi-fetch. Each service has its own client, since each has its own address; one bearer token serves them all.
 *
 *   const api = createGovqmsClient({ baseUrls: { document: "https://document.govqms.example.gov.vn", ... }, token: () => token });
 *   const { data, error } = await api.scoring.GET("/api/v1/rankings/distribution", { params: { query: { year: 2014 } } });
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths as DocumentPaths, components as DocumentComponents } from "./generated/document-service.js";
import type { paths as AuditPaths, components as AuditComponents } from "./generated/audit-service.js";
import type { paths as ScoringPaths, components as ScoringComponents } from "./generated/scoring-service.js";
import type { paths as NotificationPaths, components as NotificationComponents } from "./generated/notification-service.js";

export type { DocumentPaths, AuditPaths, ScoringPaths, NotificationPaths };
/** The schemas (models) of each service, e.g. {@code ScoringSchemas["BandDistribution"]}. */
export type DocumentSchemas = DocumentComponents["schemas"];
export type AuditSchemas = AuditComponents["schemas"];
export type ScoringSchemas = ScoringComponents["schemas"];
export type NotificationSchemas = NotificationComponents["schemas"];
/** An error answer of any service (RFC 9457 problem+json). */
export type Problem = DocumentSchemas["Problem"];

export interface GovqmsOptions {
  /** Where each service answers, without a trailing slash (locally http://127.0.0.1:8081 … 8084). */
  baseUrls: { document: string; audit: string; scoring: string; notification: string };
  /** The caller's bearer token (from the identity provider); asked for before every request, so it may be refreshed. */
  token: () => string | Promise<string>;
  /** A fetch of one's own (tests, Node without a global fetch); the global one by default. */
  fetch?: typeof globalThis.fetch;
}

export interface GovqmsClient {
  document: Client<DocumentPaths>;
  audit: Client<AuditPaths>;
  scoring: Client<ScoringPaths>;
  notification: Client<NotificationPaths>;
  /** The live stream of the agencies the caller reads, for a browser (see {@link openLiveStream}). */
  liveStream(options: LiveStreamOptions): LiveStream;
}

export function createGovqmsClient(options: GovqmsOptions): GovqmsClient {
  const auth: Middleware = {
    async onRequest({ request }) {
      request.headers.set("Authorization", `Bearer ${await options.token()}`);
      return request;
    },
  };
  function client<P extends {}>(baseUrl: string): Client<P> {
    const c = createClient<P>({ baseUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });
    c.use(auth);
    return c;
  }
  const api = {
    document: client<DocumentPaths>(options.baseUrls.document),
    audit: client<AuditPaths>(options.baseUrls.audit),
    scoring: client<ScoringPaths>(options.baseUrls.scoring),
    notification: client<NotificationPaths>(options.baseUrls.notification),
  };
  return { ...api, liveStream: (o) => openLiveStream(api.notification, options.baseUrls.notification, o) };
}

export interface LiveStreamOptions {
  /** Only this agency (one the caller reads); every agency the caller reads by default. */
  agencyId?: string;
  /** The event names (kinds) to listen to, e.g. "score.changed", "corrective-action.overdue". */
  kinds: string[];
  /** Called for each event, with its kind, its parsed data and its id (the stream resumes after the last one). */
  onEvent: (kind: string, data: unknown, id: string) => void;
  /** Called when the stream broke or a ticket was refused; it reopens by itself after {@code retryMs}. */
  onError?: (cause: unknown) => void;
  /** Wait before reopening (3 s by default; a 429 answer's Retry-After wins). */
  retryMs?: number;
  /** An EventSource of one's own (Node, tests); the browser's by default. */
  eventSource?: new (url: string) => EventSource;
}

export interface LiveStream {
  close(): void;
}

/**
 * Opens the live stream as a browser can: a stream ticket (single use, valid a minute) is asked for with the bearer token,
 * and only the ticket goes into the EventSource's address. A ticket opens one stream, so when the connection breaks a new
 * ticket is asked for and the stream resumes after the last event received ({@code lastEventId=}): nothing is missed.
 */
export function openLiveStream(notification: Client<NotificationPaths>, baseUrl: string, options: LiveStreamOptions): LiveStream {
  const Source = options.eventSource ?? globalThis.EventSource;
  let lastId: string | undefined;
  let current: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const retry = (cause: unknown, afterMs = options.retryMs ?? 3000) => {
    current?.close();
    options.onError?.(cause);
    if (!closed) {
      timer = setTimeout(connect, afterMs);
    }
  };

  async function connect(): Promise<void> {
    const { data, error, response } = await notification.POST("/api/v1/notifications/stream-tickets", {
      body: options.agencyId ? { agencyId: options.agencyId } : {},
    });
    if (closed) {
      return;
    }
    if (!data) {
      const after = Number(response.headers.get("Retry-After"));
      retry(error, after > 0 ? after * 1000 : undefined);
      return;
    }
    // the ticket carries the agency it was asked for
    const url = new URL(baseUrl + data.streamUrl);
    if (lastId) {
      url.searchParams.set("lastEventId", lastId);
    }
    const source = new Source(url.toString());
    current = source;
    for (const kind of options.kinds) {
      source.addEventListener(kind, (e) => {
        const message = e as MessageEvent<string>;
        lastId = message.lastEventId;
        options.onEvent(kind, JSON.parse(message.data), message.lastEventId);
      });
    }
    source.onerror = (e) => retry(e);
  }

  void connect().catch((e) => retry(e));
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      current?.close();
    },
  };
}
